package io.trendline.localstack.clickhouse;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves ClickHouse's HTTP interface on top of chDB: {@code /ping}, and queries on {@code /}.
 *
 * <p>Results are produced whole by the engine (in native memory) and then copied to the socket: chDB's streaming
 * API formats every chunk as a separate document (RowBinaryWithNamesAndTypes repeats its header, JSON its brackets)
 * and yields nothing at all for an empty result, so it cannot stand in for ClickHouse's streamed output. Inserts with
 * data take the data through a temporary file ({@code INSERT ... FROM INFILE}), because chDB's inline insert data
 * stops early on binary input and at blank lines.
 */
final class HttpQueryHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpQueryHandler.class);
    private static final int HEAD_LIMIT = 1 << 20;

    private final ChdbPool pool;
    private final Path uploadDir;
    private final String version;
    private final String timezone;
    private final String displayName;
    private final AtomicInteger inFlight = new AtomicInteger();

    HttpQueryHandler(ChdbPool pool, Path uploadDir, String version, String timezone, String displayName) {
        this.pool = pool;
        this.uploadDir = uploadDir;
        this.version = version;
        this.timezone = timezone;
        this.displayName = displayName;
    }

    /** Requests being served right now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            dispatch(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean hasQuery = HttpQueryRequest.parseQueryString(exchange.getRequestURI().getRawQuery())
                .containsKey("query");
        if (path.equals("/ping") || path.equals("/replicas_status")
                || (path.equals("/") && !hasQuery && (method.equals("GET") || method.equals("HEAD")))) {
            sendText(exchange, 200, "Ok.\n");
            return;
        }
        if (!path.equals("/") && !path.equals("/query")) {
            sendText(exchange, 404, "There is no handle " + path + "\n");
            return;
        }
        String queryId = HttpQueryRequest.queryIdOf(exchange);
        try {
            HttpQueryRequest request = HttpQueryRequest.read(exchange);
            queryId = request.queryId;
            serve(exchange, request);
        } catch (ChdbException e) {
            LOG.debug("Query {} failed: {}", queryId, e.getMessage());
            sendError(exchange, queryId, e);
        } catch (IOException e) {
            LOG.debug("Query {}: client connection lost: {}", queryId, e.toString());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.warn("Query {} failed in the front end", queryId, e);
            sendError(exchange, queryId, ChdbException.of(1001, "STD_EXCEPTION", String.valueOf(e)));
        }
    }

    private void serve(HttpExchange exchange, HttpQueryRequest request) throws IOException, ChdbException {
        byte[] head = request.query != null
                ? (request.query + "\n").getBytes(StandardCharsets.UTF_8)
                : request.body.readNBytes(HEAD_LIMIT);
        String headText = new String(head, StandardCharsets.ISO_8859_1);
        SqlScanner.InsertSplit insert = SqlScanner.splitInsert(headText);
        if (LOG.isDebugEnabled()) {
            int end = Math.min(300, insert != null ? insert.dataStart() : headText.length());
            LOG.debug("Query {}: settings={} params={} format={} database={}: {}", request.queryId, request.settings,
                    request.queryParams.keySet(), request.defaultFormat, request.database, headText.substring(0, end));
        }
        if (insert != null && insert.dataStart() <= head.length) {
            checkWritable(request, "INSERT");
            Path data = Files.createTempFile(uploadDir, "insert-", ".data");
            try {
                try (OutputStream out = Files.newOutputStream(data)) {
                    out.write(head, insert.dataStart(), head.length - insert.dataStart());
                    request.body.transferTo(out);
                }
                // The statement is scanned as ISO-8859-1 (one char per byte); the path joins it as UTF-8 bytes.
                String path = new String(data.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                byte[] sql = insert.withInfile(path).getBytes(StandardCharsets.ISO_8859_1);
                run(exchange, request, sql, "INSERT");
            } finally {
                Files.deleteIfExists(data);
            }
            return;
        }
        byte[] rest = request.body.readAllBytes();
        byte[] sql = rest.length == 0 && request.query != null
                ? request.query.getBytes(StandardCharsets.UTF_8)
                : concat(head, rest);
        String text = new String(sql, StandardCharsets.ISO_8859_1);
        if (text.isBlank()) {
            throw ChdbException.of(ChdbException.SYNTAX_ERROR, "SYNTAX_ERROR", "Empty query");
        }
        if (SqlScanner.hasSecondStatement(text)) {
            throw ChdbException.of(ChdbException.SYNTAX_ERROR, "SYNTAX_ERROR", "Multi-statements are not allowed");
        }
        String keyword = SqlScanner.firstKeyword(text);
        checkWritable(request, keyword);
        run(exchange, request, sql, keyword);
    }

    private void run(HttpExchange exchange, HttpQueryRequest request, byte[] sql, String keyword)
            throws IOException, ChdbException {
        String text = new String(sql, StandardCharsets.ISO_8859_1);
        String named = keyword.equals("INSERT") ? null : SqlScanner.outputFormat(text);
        String format = named != null ? named : request.defaultFormat;
        try (ChdbPool.Lease lease = pool.acquire()) {
            ChdbConnection connection = lease.connection();
            connection.prepare(request.database, request.settings);
            connection.noteStatement(keyword, text);
            try (NativeResult result = connection.query(sql, request.defaultFormat, request.queryParams)) {
                QueryStats stats = result.stats();
                successHeaders(exchange, request.queryId, format, stats);
                long length = result.length();
                exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
                if (length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        result.writeTo(out);
                    }
                }
                LOG.debug("Query {} ({}) done: {}", request.queryId, keyword, stats);
            }
            exchange.close();
        }
    }

    private static void checkWritable(HttpQueryRequest request, String keyword) throws ChdbException {
        if (request.readonly && !SqlScanner.READ_STATEMENTS.contains(keyword) && !keyword.equals("SET")) {
            throw ChdbException.of(ChdbException.READONLY, "READONLY",
                    "default: Cannot execute query in readonly mode. For queries over HTTP, method GET implies"
                            + " readonly. You should use method POST for modifying queries");
        }
    }

    private void successHeaders(HttpExchange exchange, String queryId, String format, QueryStats stats) {
        Headers headers = commonHeaders(exchange, queryId);
        headers.set("Content-Type", contentType(format));
        headers.set("X-ClickHouse-Format", format);
        headers.set("X-ClickHouse-Summary", stats.toSummaryJson());
    }

    private Headers commonHeaders(HttpExchange exchange, String queryId) {
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-ClickHouse-Query-Id", queryId);
        headers.set("X-ClickHouse-Timezone", timezone);
        headers.set("X-ClickHouse-Server-Display-Name", displayName);
        return headers;
    }

    private void sendError(HttpExchange exchange, String queryId, ChdbException e) throws IOException {
        Headers headers = commonHeaders(exchange, queryId);
        headers.set("X-ClickHouse-Exception-Code", Integer.toString(e.code()));
        headers.set("Content-Type", "text/plain; charset=UTF-8");
        byte[] body = errorText(e).getBytes(StandardCharsets.UTF_8);
        drain(exchange);
        exchange.sendResponseHeaders(e.httpStatus(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String errorText(ChdbException e) {
        return e.getMessage() + " (version " + version + ")\n";
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        drain(exchange);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Reads what is left of the request so the connection can be kept alive. */
    private static void drain(HttpExchange exchange) {
        try {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the connection will be closed instead
        }
    }

    private static String contentType(String format) {
        String name = format.toLowerCase(Locale.ROOT);
        if (name.startsWith("json")) {
            return "application/json; charset=UTF-8";
        }
        if (name.startsWith("tabseparated") || name.startsWith("tsv")) {
            return "text/tab-separated-values; charset=UTF-8";
        }
        if (name.startsWith("csv")) {
            return "text/csv; charset=UTF-8; header=absent";
        }
        if (name.contains("binary") || name.equals("native") || name.startsWith("parquet")
                || name.startsWith("arrow") || name.equals("orc") || name.equals("avro")) {
            return "application/octet-stream";
        }
        return "text/plain; charset=UTF-8";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
