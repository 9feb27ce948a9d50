import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load client of the end-to-end backtest benchmarks, run as a single source file (java bench/BacktestLoad.java
 * BASE_URL CLICKHOUSE_HTTP_URL WARMUP COUNT), so it needs nothing but the JDK.
 *
 * Stores one year (525,600) of 1-minute bars of a seeded geometric random walk (sigma 0.001 a minute) as BENCHUSDT in
 * the platform's ClickHouse, then times COUNT backtests (after WARMUP untimed ones) of an SMA(10)/SMA(50) crossover
 * over that year, each from POST /api/strategies/{id}/backtests (the command) until the run's progress stream says
 * COMPLETED (sent once BacktestCompleted is stored). As the baseline, it times reading the same bars from ClickHouse
 * with the runner's own query, over ClickHouse's HTTP interface into memory, interleaved with the runs.
 *
 * Prints "backtest-e2e-p50 VALUE ms", "backtest-e2e-read-p50 VALUE ms" and "backtest-e2e-vs-read VALUE ratio".
 */
public class BacktestLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final Pattern STRATEGY_ID = Pattern.compile("\"strategyId\":\"([^\"]+)\"");
    private static final Pattern BACKTEST_ID = Pattern.compile("\"backtestId\":\"([^\"]+)\"");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final int MINUTES = 525_600;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String clickHouse = args[1];
        int warmup = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        Instant to = FROM.plus(Duration.ofMinutes(MINUTES));

        long started = System.nanoTime();
        storeBars(clickHouse);
        System.err.printf("[bench] stored %,d bars in %d ms%n", MINUTES, (System.nanoTime() - started) / 1_000_000);

        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"bench-" + UUID.randomUUID() + "-Pw\"}";
        expect(post(base + "/api/auth/register", credentials, null), 201, "register");
        String token = find(ACCESS_TOKEN, expect(post(base + "/api/auth/login", credentials, null), 200, "login"));
        String strategy = find(STRATEGY_ID, expect(post(base + "/api/strategies", "{\"name\":\"bench\","
                + "\"type\":\"SMA_CROSSOVER\",\"symbol\":\"BENCHUSDT\",\"parameters\":{\"fast\":10,\"slow\":50}}",
                token), 201, "create strategy"));
        String run = "{\"interval\":\"1m\",\"from\":\"" + FROM + "\",\"to\":\"" + to + "\",\"initialCapital\":10000,"
                + "\"feeBps\":10,\"slippageBps\":0}";
        String read = """
                SELECT toUnixTimestamp64Milli(open_time), toFloat64(open), toFloat64(high), toFloat64(low),
                       toFloat64(close), toFloat64(volume)
                FROM klines_1m FINAL
                WHERE symbol = 'BENCHUSDT' AND open_time >= fromUnixTimestamp64Milli(%d)
                  AND open_time < fromUnixTimestamp64Milli(%d)
                ORDER BY open_time FORMAT RowBinary""".formatted(FROM.toEpochMilli() - 50 * 60_000L,
                to.toEpochMilli());

        double[] e2e = new double[count];
        double[] reads = new double[count];
        for (int i = -warmup; i < count; i++) {
            long t0 = System.nanoTime();
            String id = find(BACKTEST_ID, expect(post(base + "/api/strategies/" + strategy + "/backtests", run,
                    token), 202, "request backtest"));
            awaitCompleted(base + "/api/strategies/" + strategy + "/backtests/" + id + "/progress", token);
            double ms = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            long bytes = readAll(clickHouse, read);
            double readMs = (System.nanoTime() - t1) / 1e6;
            System.err.printf("[bench] run %d: %.0f ms end to end; read %,d bytes in %.0f ms%n", i, ms, bytes, readMs);
            if (i >= 0) {
                e2e[i] = ms;
                reads[i] = readMs;
            }
        }
        double p50 = median(e2e);
        double readP50 = median(reads);
        System.out.printf("backtest-e2e-p50 %.0f ms%n", p50);
        System.out.printf("backtest-e2e-read-p50 %.0f ms%n", readP50);
        System.out.printf("backtest-e2e-vs-read %.2f ratio%n", p50 / readP50);
    }

    /** One year of minutes as CSV straight into klines_1m, through ClickHouse's HTTP interface. */
    private static void storeBars(String clickHouse) throws Exception {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(MINUTES * 96);
        double price = 30_000;
        long t = FROM.toEpochMilli();
        for (int i = 0; i < MINUTES; i++, t += 60_000) {
            double open = price;
            double close = open * Math.exp(0.001 * random.nextGaussian());
            double high = Math.max(open, close) * (1 + 0.0005 * random.nextDouble());
            double low = Math.min(open, close) * (1 - 0.0005 * random.nextDouble());
            double volume = 1 + 10 * random.nextDouble();
            csv.append("BENCHUSDT,").append(TIME.format(Instant.ofEpochMilli(t))).append(',')
                    .append(String.format("%.8f,%.8f,%.8f,%.8f,%.8f", open, high, low, close, volume))
                    .append(",0,0,0,0,1\n");
            price = close;
        }
        String query = "INSERT INTO klines_1m (symbol, open_time, open, high, low, close, volume, quote_volume, "
                + "trades, taker_buy_base_volume, taker_buy_quote_volume, completeness) FORMAT CSV";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(clickHouse + "/?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "insert bars");
    }

    private static long readAll(String clickHouse, String query) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(clickHouse + "/"))
                        .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("read: HTTP " + response.statusCode() + " "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
            return total;
        }
    }

    /** Reads the run's server-sent events until one says COMPLETED; a FAILED run ends the benchmark. */
    private static void awaitCompleted(String url, String token) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("progress: HTTP " + response.statusCode());
        }
        try (var lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.contains("\"stage\":\"COMPLETED\"")) {
                    return;
                }
                if (line.contains("\"stage\":\"FAILED\"")) {
                    throw new IllegalStateException("the backtest failed: " + line);
                }
            }
        }
        throw new IllegalStateException("the progress stream ended before the run completed");
    }

    private static HttpResponse<String> post(String url, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("not found in " + body);
        }
        return m.group(1);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
