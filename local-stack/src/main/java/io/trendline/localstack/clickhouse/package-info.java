/**
 * A local stand-in for a ClickHouse server, for the standalone mode and tests: the SQL engine is real ClickHouse,
 * run in-process as chDB (libchdb.so through JNA, installed from npm into a per-user cache by {@link
 * io.trendline.localstack.clickhouse.ChdbLibrary}), and {@link io.trendline.localstack.clickhouse.ChdbHttpServer}
 * puts the part of ClickHouse's HTTP interface that clickhouse-jdbc 0.11 (client-v2/jdbc-v2) uses in front of it.
 *
 * <p>What it speaks: {@code GET /ping}; queries on {@code /} by POST (or read-only by GET), in the body, the
 * {@code query} parameter or a multipart form; {@code param_*} query parameters; {@code database},
 * {@code default_format}, {@code query_id} and {@code readonly}, with the driver's {@code X-ClickHouse-Database},
 * {@code X-ClickHouse-Format}, {@code X-ClickHouse-Query-Id} headers; any other URL parameter as a ClickHouse
 * setting for that request only; inserts with data in any input format ({@code INSERT ... FORMAT f} or
 * {@code VALUES}, data after the statement or in the body); gzip/deflate request bodies. Responses carry
 * {@code X-ClickHouse-Format}, {@code -Query-Id}, {@code -Summary}, {@code -Timezone} (UTC) and
 * {@code -Server-Display-Name}; errors are ClickHouse's own text with {@code X-ClickHouse-Exception-Code}.
 *
 * <p>What it does not: ClickHouse's compressed blocks ({@code compress=1}/{@code decompress=1}, hence
 * {@code compress=false} in the JDBC URL), sessions ({@code session_id} is accepted but nothing outlives a request),
 * external tables, users and passwords (any credentials are accepted), progress headers, and streaming: a result is
 * built whole in native memory before it is sent. One process serves one data directory.
 */
package io.trendline.localstack.clickhouse;
