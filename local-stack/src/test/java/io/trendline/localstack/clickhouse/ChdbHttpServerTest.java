package io.trendline.localstack.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chDB front end through the real clickhouse-jdbc driver and plain HTTP; one server for the class. */
class ChdbHttpServerTest {

    @TempDir
    static Path dataDir;

    private static ChdbHttpServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() {
        long started = System.nanoTime();
        server = ChdbHttpServer.start(dataDir, 0);
        System.out.printf("locate() + start: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pingAnswersOkOverPlainHttp() throws Exception {
        HttpResponse<String> ping = HTTP.send(HttpRequest.newBuilder(URI.create(server.httpUrl() + "/ping")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("Ok.\n");
    }

    @Test
    void preparedStatementBatchOf100kRowsLandsInReplacingMergeTreeAndAggregatesMatch() throws Exception {
        int rows = 100_000;
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE candles (symbol LowCardinality(String), ts DateTime64(3, 'UTC'),"
                    + " close Decimal(18, 8), volume Float64, trades Nullable(UInt32), version UInt64)"
                    + " ENGINE = ReplacingMergeTree(version) ORDER BY (symbol, ts)");
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO candles (symbol, ts, close, volume, trades, version) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, i % 2 == 0 ? "BTC-USD" : "ETH-USD");
                    insert.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(1_700_000_000_000L + i)));
                    insert.setBigDecimal(3, BigDecimal.valueOf(i, 2));
                    insert.setDouble(4, i * 0.5);
                    insert.setObject(5, i % 10 == 0 ? null : i);
                    insert.setLong(6, 1);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).hasSize(rows);
            }
            long nanos = System.nanoTime() - started;
            System.out.printf("batch insert: %d rows in %d ms = %.0f rows/s%n", rows,
                    TimeUnit.NANOSECONDS.toMillis(nanos), rows / (nanos / 1e9));
            // A newer version of one row replaces the old one once merged (FINAL merges at read time).
            execute(connection, "INSERT INTO candles VALUES ('BTC-USD', '2023-11-14 22:13:20.000', 1, 0, NULL, 2)");

            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT count(), sum(close), sum(volume),"
                         + " countIf(trades IS NULL), uniqExact(symbol), max(ts) FROM candles FINAL")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isEqualTo(rows);
                assertThat(result.getBigDecimal(2)).isEqualByComparingTo("49999501");
                assertThat(result.getDouble(3)).isEqualTo(rows * (rows - 1L) / 4.0);
                assertThat(result.getLong(4)).isEqualTo(rows / 10);
                assertThat(result.getLong(5)).isEqualTo(2);
                assertThat(result.getTimestamp(6).toInstant())
                        .isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L + rows - 1));
            }
        }
    }

    @Test
    void statementInsertValuesReadsBackEveryType() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE typed (id UInt32, at DateTime64(3, 'UTC'), price Decimal(18, 8),"
                    + " ratio Float64, tag LowCardinality(String), note Nullable(String), levels Array(Float64))"
                    + " ENGINE = MergeTree ORDER BY id");
            try (Statement statement = connection.createStatement()) {
                int inserted = statement.executeUpdate("INSERT INTO typed VALUES"
                        + " (1, '2024-03-01 12:00:00.250', 42123.12345678, 0.25, 'spot', 'line\n\nbreaks', [1.5, 2]),"
                        + " (2, '2024-03-01 12:00:01.000', -1, -0.5, 'perp', NULL, [])");
                assertThat(inserted).isEqualTo(2);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM typed ORDER BY id")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt("id")).isEqualTo(1);
                assertThat(result.getTimestamp("at").toInstant()).isEqualTo(Instant.parse("2024-03-01T12:00:00.250Z"));
                assertThat(result.getBigDecimal("price")).isEqualByComparingTo("42123.12345678");
                assertThat(result.getDouble("ratio")).isEqualTo(0.25);
                assertThat(result.getString("tag")).isEqualTo("spot");
                assertThat(result.getString("note")).isEqualTo("line\n\nbreaks");
                Array levels = result.getArray("levels");
                assertThat((Object[]) levels.getArray()).containsExactly(1.5, 2.0);
                assertThat(result.next()).isTrue();
                assertThat(result.getString("note")).isNull();
                assertThat(result.wasNull()).isTrue();
                assertThat(result.next()).isFalse();
            }
        }
    }

    @Test
    void versionShowTablesAndAnEmptyResultAnswer() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            execute(connection, "CREATE TABLE IF NOT EXISTS listed (id UInt8) ENGINE = MergeTree ORDER BY id");
            try (ResultSet version = statement.executeQuery("SELECT version()")) {
                assertThat(version.next()).isTrue();
                assertThat(version.getString(1)).startsWith("26.");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet shown = statement.executeQuery("SHOW TABLES")) {
                while (shown.next()) {
                    tables.add(shown.getString(1));
                }
            }
            assertThat(tables).contains("listed");
            try (ResultSet empty = statement.executeQuery("SELECT id, toString(id) AS s FROM listed WHERE id > 1")) {
                assertThat(empty.getMetaData().getColumnCount()).isEqualTo(2);
                assertThat(empty.getMetaData().getColumnName(2)).isEqualTo("s");
                assertThat(empty.next()).isFalse();
            }
            assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("26.");
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void badSqlRaisesSqlExceptionCarryingClickHouseSyntaxErrorCode() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELEC 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SYNTAX_ERROR")
                    .extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(62);
        }
    }

    @Test
    void unknownTableRaisesSqlExceptionCarryingClickHouseUnknownTableCode() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("UNKNOWN_TABLE")
                    .extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(60);
        }
    }

    @Test
    void errorResponseLooksLikeClickHouses() throws Exception {
        HttpResponse<String> response = post("", "SELECT * FROM no_such_table");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("60");
        assertThat(response.body()).startsWith("Code: 60. DB::Exception: ").contains("(UNKNOWN_TABLE) (version 26.");
    }

    @Test
    void binaryInsertBodyWithNewlinesAndZeroBytesIsStoredIntact() throws Exception {
        post("", "CREATE TABLE raw (id UInt64, payload String) ENGINE = MergeTree ORDER BY id");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int rows = 5000;
        for (int id = 0; id < rows; id++) {
            for (int shift = 0; shift < 64; shift += 8) {
                body.write((int) ((long) id >>> shift) & 0xff);
            }
            byte[] payload = ("\n\n\0" + id).getBytes(StandardCharsets.UTF_8);
            body.write(payload.length);
            body.write(payload, 0, payload.length);
        }
        HttpResponse<String> insert = HTTP.send(HttpRequest.newBuilder(URI.create(server.httpUrl() + "/?query="
                        + encode("INSERT INTO raw FORMAT RowBinary")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(insert.statusCode()).isEqualTo(200);
        assertThat(insert.headers().firstValue("X-ClickHouse-Summary").orElseThrow())
                .contains("\"written_rows\":\"" + rows + "\"");

        HttpResponse<String> check = post("", "SELECT count(), countIf(payload = concat('\\n\\n\\0', toString(id)))"
                + " FROM raw FORMAT TSV");
        assertThat(check.body()).isEqualTo(rows + "\t" + rows + "\n");
    }

    @Test
    void textInsertWithTheDataAfterTheStatementInTheBodyKeepsEveryRow() throws Exception {
        post("", "CREATE TABLE csv_rows (id UInt32, name String) ENGINE = MergeTree ORDER BY id");

        HttpResponse<String> insert = post("", "INSERT INTO csv_rows FORMAT CSV\n1,\"a,b\"\n2,\"two\n\nlines\"\n3,c\n");
        HttpResponse<String> json = post("query=" + encode("INSERT INTO csv_rows (id, name) FORMAT JSONEachRow"),
                "{\"id\":4,\"name\":\"d\"}\n{\"id\":5,\"name\":\"e\"}");

        assertThat(insert.statusCode()).isEqualTo(200);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(post("", "SELECT groupArray(name) FROM (SELECT name FROM csv_rows ORDER BY id) FORMAT TSV").body())
                .isEqualTo("['a,b','two\\n\\nlines','c','d','e']\n");
    }

    @Test
    void urlSettingsAndQueryParametersApplyToTheirRequestOnly() throws Exception {
        assertThat(post("max_threads=1", "SELECT getSetting('max_threads')").body()).isEqualTo("1\n");
        assertThat(post("", "SELECT getSetting('max_threads') = 1").body()).isEqualTo("0\n");
        assertThat(post("param_n=41&param_s=x%5Cty", "SELECT {n:UInt32} + 1, {s:String}").body())
                .isEqualTo("42\tx\\ty\n");
        assertThat(post("", "SELECT timezone()").body()).isEqualTo("UTC\n");
    }

    @Test
    void resultOver100MegabytesArrivesWhole() throws Exception {
        int rows = 8_000_000;
        long expected = 0;
        for (int i = 0; i < rows; i++) {
            expected += 8 + 1 + Integer.toString(i).length();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.httpUrl() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT number, toString(number) FROM numbers(" + rows
                        + ") FORMAT RowBinary")).build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long received;
        try (InputStream in = response.body()) {
            received = in.transferTo(OutputStream.nullOutputStream());
        }
        System.out.printf("large result: %d MB in %d ms%n", received >> 20,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received).isEqualTo(expected).isGreaterThan(100L << 20);
    }

    @Test
    void severalConnectionsQueryConcurrently() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Long>> tasks = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                long limit = 100_000L * (t + 1);
                tasks.add(() -> {
                    long sum = 0;
                    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                        for (int i = 0; i < 15; i++) {
                            try (ResultSet result = statement.executeQuery(
                                    "SELECT sum(number) FROM numbers(" + limit + ")")) {
                                result.next();
                                sum = result.getLong(1);
                            }
                        }
                    }
                    return sum;
                });
            }
            List<Future<Long>> results = threads.invokeAll(tasks, 60, TimeUnit.SECONDS);
            for (int t = 0; t < results.size(); t++) {
                long limit = 100_000L * (t + 1);
                assertThat(results.get(t).get()).isEqualTo(limit * (limit - 1) / 2);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void dataSurvivesStopAndRestartOnTheSameDirectory() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, "CREATE TABLE kept (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
            execute(connection, "INSERT INTO kept VALUES (1, 'one'), (2, 'two')");
        }
        long stopping = System.nanoTime();
        server.close();
        long stopped = System.nanoTime();
        server = ChdbHttpServer.start(dataDir, 0);
        System.out.printf("stop: %d ms, restart: %d ms%n", TimeUnit.NANOSECONDS.toMillis(stopped - stopping),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped));

        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT groupArray(name) FROM (SELECT name FROM kept"
                     + " ORDER BY id)")) {
            assertThat(result.next()).isTrue();
            assertThat((Object[]) result.getArray(1).getArray()).containsExactly("one", "two");
        }
    }

    @Test
    void closeDuringALongQueryCancelsItAndReturnsPromptly() throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> longQuery = client.submit(() -> post("",
                    "SELECT count() FROM numbers(100000000000) WHERE NOT ignore(sipHash64(number))"));
            Thread.sleep(500);
            long stopping = System.nanoTime();
            server.close();
            long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
            System.out.printf("close during a long query: %d ms%n", closeMillis);

            assertThat(closeMillis).isLessThan(4_000);
            assertThatThrownBy(() -> longQuery.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
        } finally {
            client.shutdownNow();
            server = ChdbHttpServer.start(dataDir, 0);
        }
    }

    @Test
    void theJvmKeepsItsSignalHandlersWhileChdbRuns() throws Exception {
        for (int i = 0; i < 5; i++) {
            post("", "SELECT sum(number) FROM numbers(3000000) GROUP BY number % 3");
        }
        long segv = signalHandler(11);

        assertThat(segv).as("SIGSEGV handler").isNotZero();
        for (int signal : new int[] {4, 7, 8}) {
            assertThat(signalHandler(signal)).as("handler of signal %d", signal).isEqualTo(segv);
        }
        Object nothing = null;
        assertThatThrownBy(() -> nothing.hashCode()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void takenPortGivesAClearMessageNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> ChdbHttpServer.start(dataDir, port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void aSecondDataDirectoryInTheSameProcessIsRefusedClearly(@TempDir Path otherDir) {
        assertThatThrownBy(() -> ChdbHttpServer.start(otherDir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one data directory per process");
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static HttpResponse<String> post(String urlParams, String sql) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.httpUrl() + "/?" + urlParams))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The handler address in the process's struct sigaction for a signal (0 = SIG_DFL). */
    private static long signalHandler(int signal) {
        Memory action = new Memory(256);
        action.clear();
        assertThat(LibC.INSTANCE.sigaction(signal, null, action)).isZero();
        return action.getLong(0);
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int sigaction(int signal, Pointer action, Pointer previous);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
