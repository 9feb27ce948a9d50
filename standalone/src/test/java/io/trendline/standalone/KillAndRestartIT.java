package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged platform, started as a user starts it, killed with SIGKILL and started again on the same data: what
 * it accepted before the kill is all there afterwards.
 */
class KillAndRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    /** The access token of the user who creates the strategy; it stays valid across the restart (same key). */
    private String token;

    private PackagedPlatform platform;

    @BeforeEach
    void platform() {
        platform = new PackagedPlatform(data);
    }

    @AfterEach
    void stopAll() {
        platform.close();
    }

    @Test
    void aStrategyAndItsEventsSurviveAKillDashNineAndRestart() throws Exception {
        int port = platform.port();
        Process first = platform.start("first");
        token = TestAccounts.registerAndLogin("http://127.0.0.1:" + port, "survivor").bearer();
        String id = createStrategy(port, "BTCUSDT");
        JsonNode before = awaitStrategy(port, id);
        // a backtest accepted just before the kill: whether the kill lands before, during or after its run, the run
        // ends completed, answered once
        storeMinutes(100_000);
        String backtested = createStrategy(port, "KILLUSDT");
        String backtestId = requestBacktest(port, backtested);

        platform.kill(first);

        platform.start("second");
        JsonNode after = awaitStrategy(port, id);
        assertThat(after).isEqualTo(before);
        JsonNode events = get(port, "/api/strategies/" + id + "/events").get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type").asText()).isEqualTo("StrategyCreatedEvent");
        assertThat(getText(port, "/")).contains("<div id=\"root\">");
        assertThat(awaitBacktestEnded(port, backtestId).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(get(port, "/api/strategies/" + backtested + "/events").get("events"))
                .extracting(e -> e.get("type").asText())
                .containsExactly("StrategyCreatedEvent", "BacktestRequestedEvent", "BacktestCompletedEvent");
    }

    /** Minutes of a seeded random walk as KILLUSDT, straight into ClickHouse over its HTTP interface. */
    private void storeMinutes(int minutes) throws IOException, InterruptedException {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder();
        double price = 100;
        for (int i = 0; i < minutes; i++) {
            double close = price * Math.exp(0.001 * random.nextGaussian());
            csv.append("KILLUSDT,").append(TIME.format(START.plusSeconds(60L * i))).append(',').append(price)
                    .append(',').append(Math.max(price, close)).append(',').append(Math.min(price, close)).append(',')
                    .append(close).append(",1,0,0,0,0,1\n");
            price = close;
        }
        String insert = "INSERT INTO klines_1m (symbol, open_time, open, high, low, close, volume, quote_volume, "
                + "trades, taker_buy_base_volume, taker_buy_quote_volume, completeness) FORMAT CSV";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + platform.clickHousePort() + "/?query=" + URLEncoder.encode(insert, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String requestBacktest(int port, String strategyId) throws IOException, InterruptedException {
        String body = "{\"interval\":\"1m\",\"from\":\"" + START + "\",\"to\":\""
                + START.plus(Duration.ofDays(60)) + "\"}";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/api/strategies/"
                            + strategyId + "/backtests")).header("Content-Type", "application/json")
                    .header("Authorization", token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                return JSON.readTree(response.body()).get("backtestId").asText();
            }
            assertThat(Instant.now()).as("backtest accepted: %s", response.body()).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private JsonNode awaitBacktestEnded(int port, String backtestId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/api/backtests/"
                    + backtestId)).header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode run = JSON.readTree(response.body()).get("run");
                if (!run.get("status").asText().equals("REQUESTED")) {
                    return run;
                }
            }
            assertThat(Instant.now()).as("backtest %s ended", backtestId).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private String createStrategy(int port, String symbol) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/api/strategies"))
                .header("Content-Type", "application/json")
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Survivor\",\"type\":\"SMA_CROSSOVER\",\"symbol\":\"" + symbol + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("strategyId").asText();
    }

    private JsonNode awaitStrategy(int port, String id) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/api/strategies/" + id))
                    .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body());
            }
            assertThat(Instant.now()).as("strategy %s visible", id).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private JsonNode get(int port, String path) throws IOException, InterruptedException {
        return JSON.readTree(getText(port, path));
    }

    private String getText(int port, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

}
