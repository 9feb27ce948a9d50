package io.trendline.standalone.bench;

import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trendline.api.market.CandleInterval;
import io.trendline.localstack.LocalStack;
import io.trendline.localstack.LocalStackSettings;
import io.trendline.platform.clickhouse.ClickHouse;
import io.trendline.query.market.CandleSql;
import io.trendline.standalone.TrendlineStandaloneApplication;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code candles-api-p50/p99} and {@code candles-api-vs-direct}: 1-hour candles over 90 days of 1-minute data
 * (BTCUSDT, 2025-05-20 to 2025-08-18: 2,160 bars from 129,600 minutes) through {@code GET /api/market/.../candles}
 * with a bearer token, against the same SQL sent straight to ClickHouse over clickhouse-jdbc with every row read.
 * The platform runs in this JVM on its own local stack, and fills ClickHouse itself: its collector replays the real
 * files through the built-in fake Binance; timing starts once the platform is idle (the backfill digested). Requests
 * are sequential and interleaved (API, direct, API, ...), so both see the same machine load. The API is read with
 * Apache HttpClient 5, the HTTP client the ClickHouse driver of the direct side uses, and its JSON parsed; stderr
 * also shows the API read with the JDK's HttpClient, the client's parse time, the server's own time and the same SQL
 * as undecoded RowBinary bytes, which tell where the difference goes.
 */
public final class CandlesApiBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long FROM = Instant.parse("2025-05-20T00:00:00Z").toEpochMilli();
    private static final long TO = FROM + 90 * 86_400_000L;

    private CandlesApiBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int timed = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String replayDir = args.length > 2 ? args[2] : "../shared/data/klines";
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path dir = Files.createTempDirectory("trendline-bench-candles");
        try (LocalStack stack = LocalStack.start(LocalStackSettings.defaults().withDataDir(dir)
                .withPorts(0, 0, 0, 0));
             ConfigurableApplicationContext app = TrendlineStandaloneApplication.run(stack,
                     "--server.port=0", "--logging.level.root=WARN",
                     "--trendline.binance.mode=replay", "--trendline.binance.replay.dir=" + replayDir,
                     "--trendline.binance.replay.start=2025-08-18T18:28:00Z",
                     "--trendline.binance.initial-backfill=100d", "--trendline.binance.max-backfill=100d",
                     "--trendline.security.bcrypt-strength=4",
                     "--trendline.security.rate-limits.per-user=1000000",
                     "--trendline.security.rate-limits.per-address=1000000")) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            ClickHouse clickHouse = app.getBean(ClickHouse.class);
            awaitMinutes(clickHouse, 129_600);
            awaitIdle();
            HttpClient http = HttpClient.newHttpClient();
            String token = login(http, base);
            HttpRequest api = HttpRequest.newBuilder(URI.create(base + "/api/market/BTCUSDT/candles?interval=1h&from="
                    + FROM + "&to=" + TO + "&limit=10000")).header("Authorization", "Bearer " + token).GET().build();
            HttpGet apacheApi = new HttpGet(api.uri());
            apacheApi.setHeader("Authorization", "Bearer " + token);
            String sql = CandleSql.bars("BTCUSDT", CandleInterval.H1, FROM, TO, 10_000);
            long[] apiNanos = new long[timed];
            long[] directNanos = new long[timed];
            long[] parsingNanos = new long[timed];
            long[] jdkNanos = new long[timed];
            try (Connection jdbc = DriverManager.getConnection(stack.clickhouseJdbcUrl());
                 CloseableHttpClient apache = HttpClients.createDefault()) {
                for (int i = -warmup; i < timed; i++) {
                    long started = System.nanoTime();
                    int bars = apiBars(apache, apacheApi);
                    long apiTime = System.nanoTime() - started;
                    started = System.nanoTime();
                    int jdkBars = apiBarsJdk(http, api);
                    long jdkTime = System.nanoTime() - started;
                    started = System.nanoTime();
                    int rows = directRows(jdbc, sql);
                    long directTime = System.nanoTime() - started;
                    if (bars != 2160 || jdkBars != 2160 || rows != 2160) {
                        throw new IllegalStateException("expected 2160 bars, API gave " + bars + " and " + jdkBars
                                + ", SQL " + rows);
                    }
                    if (i >= 0) {
                        apiNanos[i] = apiTime;
                        parsingNanos[i] = parseNanos;
                        jdkNanos[i] = jdkTime;
                        directNanos[i] = directTime;
                    }
                }
            }
            Arrays.sort(apiNanos);
            Arrays.sort(parsingNanos);
            Arrays.sort(jdkNanos);
            Arrays.sort(directNanos);
            double p50 = ms(apiNanos, 0.50);
            double directP50 = ms(directNanos, 0.50);
            System.err.printf("API p50 %.2f ms p99 %.2f ms; direct p50 %.2f ms p99 %.2f ms (%d timed, %d warm-up)%n",
                    p50, ms(apiNanos, 0.99), directP50, ms(directNanos, 0.99), timed, warmup);
            System.err.printf("of the API's time, the client's parsing of the %d-byte answer: p50 %.2f ms%n",
                    bodyBytes, ms(parsingNanos, 0.50));
            System.err.printf("the API through the JDK's HttpClient instead: p50 %.2f ms p99 %.2f ms%n",
                    ms(jdkNanos, 0.50), ms(jdkNanos, 0.99));
            Timer server = app.getBean(MeterRegistry.class).find("http.server.requests")
                    .tag("uri", "/api/market/{symbol}/candles").timer();
            if (server != null) {
                System.err.printf("the server's own time per request (http.server.requests): mean %.2f ms over %d%n",
                        server.mean(TimeUnit.MILLISECONDS), server.count());
            }
            long[] rawNanos = new long[Math.min(timed, 200)];
            for (int i = 0; i < rawNanos.length; i++) {
                long started = System.nanoTime();
                clickHouse.query(sql, ClickHouseFormat.RowBinaryWithNamesAndTypes,
                        in -> in.transferTo(OutputStream.nullOutputStream()));
                rawNanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(rawNanos);
            System.err.printf("the same SQL as RowBinary bytes, undecoded: p50 %.2f ms%n", ms(rawNanos, 0.50));
            System.out.printf("candles-api-p50 %.2f ms%n", p50);
            System.out.printf("candles-api-p99 %.2f ms%n", ms(apiNanos, 0.99));
            System.out.printf("candles-api-vs-direct %.2f ratio%n", p50 / directP50);
        }
    }

    private static void awaitMinutes(ClickHouse clickHouse, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (true) {
            long stored = clickHouse.jdbc().queryForObject("SELECT count() FROM klines_1m FINAL WHERE symbol = "
                    + "'BTCUSDT' AND open_time >= fromUnixTimestamp64Milli(" + FROM + ", 'UTC') AND open_time < "
                    + "fromUnixTimestamp64Milli(" + TO + ", 'UTC')", Long.class);
            if (stored >= atLeast) {
                System.err.printf("%d BTCUSDT minutes in the 90 days%n", stored);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + stored + " minutes stored after 10 minutes");
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Waits until the platform has digested the backfill (the live forwarder and the alert watcher read the same
     * quarter of a million candles after the sink stored them), so neither side is timed against that work.
     */
    private static void awaitIdle() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long deadline = System.nanoTime() + 300_000_000_000L;
        int quietSeconds = 0;
        while (quietSeconds < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            double load = os.getProcessCpuLoad();
            quietSeconds = load >= 0 && load < 0.1 ? quietSeconds + 1 : 0;
        }
        System.err.printf("platform idle (process CPU %.0f %%)%n", 100 * os.getProcessCpuLoad());
    }

    private static String login(HttpClient http, String base) throws Exception {
        String body = JSON.createObjectNode().put("email", "bench-" + UUID.randomUUID() + "@example.test")
                .put("password", "Tl-" + UUID.randomUUID() + "-Kx").toString();
        HttpResponse<String> registered = http.send(post(base + "/api/auth/register", body),
                HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("register: " + registered.statusCode() + " " + registered.body());
        }
        HttpResponse<String> login = http.send(post(base + "/api/auth/login", body),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(login.body()).get("accessToken").asText();
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Of the last API request: the client's parsing of the answer, and its size. */
    private static long parseNanos;
    private static int bodyBytes;

    /**
     * The response read with Apache HttpClient 5, the HTTP client the ClickHouse driver of the direct side uses, and
     * parsed as a client would, so neither side is spared its transport or its decoding.
     */
    private static int apiBars(CloseableHttpClient http, HttpGet request) throws Exception {
        byte[] body = http.execute(request, response -> {
            if (response.getCode() != 200) {
                throw new IllegalStateException("API answered " + response.getCode());
            }
            return EntityUtils.toByteArray(response.getEntity());
        });
        long parsing = System.nanoTime();
        JsonNode candles = JSON.readTree(body).get("candles");
        parseNanos = System.nanoTime() - parsing;
        bodyBytes = body.length;
        return candles.size();
    }

    /** The same with the JDK's HttpClient, for comparison (stderr only). */
    private static int apiBarsJdk(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("API answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("candles").size();
    }

    private static int directRows(Connection jdbc, String sql) throws Exception {
        int rows = 0;
        try (Statement s = jdbc.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                long t = r.getLong(1);
                BigDecimal sum = r.getBigDecimal(2).add(r.getBigDecimal(3)).add(r.getBigDecimal(4))
                        .add(r.getBigDecimal(5)).add(r.getBigDecimal(6));
                if (t < 0 || sum.signum() < 0) {
                    throw new IllegalStateException("bad row");
                }
                rows++;
            }
        }
        return rows;
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
