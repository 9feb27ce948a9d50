package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.trendline.backtest.Backtest;
import io.trendline.backtest.BacktestResult;
import io.trendline.backtest.BacktestSpec;
import io.trendline.backtest.engine.Bar;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.engine.Fees;
import io.trendline.backtest.engine.Trade;
import io.trendline.backtest.strategy.StrategyKind;
import io.trendline.ingestion.importer.ImportProgress;
import io.trendline.ingestion.importer.KlineFileImporter;
import io.trendline.platform.clickhouse.ClickHouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backtest flow on the standalone stack with the real 2025 BTCUSDT minutes imported into ClickHouse: REST
 * request → {@code BacktestRequested} → the runner reads the bars from ClickHouse → {@code BacktestCompleted} with
 * digests → the read model, trades, curves, progress and verification. The expected results are computed by the
 * engine straight from the data file, so the test also proves the bars survive the trip through ClickHouse exactly.
 */
@StandaloneTest
class BacktestApiTest {

    static final String FILE = "klines/BTCUSDT-1m-2025-05-20_2025-08-18.csv.gz";
    static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");
    static final Instant TO = Instant.parse("2025-08-01T00:00:00Z");
    private static boolean imported;

    @Autowired
    TestRestTemplate http;

    @Autowired
    KlineFileImporter importer;

    @Autowired
    ClickHouse clickHouse;

    @Autowired
    JdbcTemplate postgres;

    @LocalServerPort
    int port;

    private TestAccounts.Session trader;

    @BeforeEach
    void setUp() {
        synchronized (BacktestApiTest.class) {
            if (!imported) {
                importer.importFile(realData(), "BTCUSDT", new ImportProgress() {
                });
                imported = true;
            }
        }
        trader = TestAccounts.registerAndLogin(baseUrl(), "backtester");
    }

    static Path realData() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data").resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("shared/data/" + FILE + " is missing (CI=true): the real data must be present in CI");
        }
        Assumptions.abort("shared/data/" + FILE + " not found beside the repository; the real-data flow is skipped");
        return null;
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private ResponseEntity<JsonNode> send(TestAccounts.Session who, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, who.bearer());
        return http.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private String createStrategy(String type, String symbol, String parameters) {
        ResponseEntity<JsonNode> created = send(trader, HttpMethod.POST, "/api/strategies", "{\"name\":\"bt\","
                + "\"type\":\"" + type + "\",\"symbol\":\"" + symbol + "\",\"parameters\":" + parameters + "}");
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("strategyId").asText();
    }

    private static String run(String interval, Instant from, Instant to) {
        return "{\"interval\":\"" + interval + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"initialCapital\":10000,\"feeBps\":10,\"slippageBps\":0}";
    }

    private ResponseEntity<JsonNode> request(String strategyId, String body) {
        return send(trader, HttpMethod.POST, "/api/strategies/" + strategyId + "/backtests", body);
    }

    private String requestAccepted(String strategyId, String body) {
        ResponseEntity<JsonNode> accepted = request(strategyId, body);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String id = accepted.getBody().get("backtestId").asText();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/backtests/" + id);
        return id;
    }

    /** The run once it has ended (completed or failed); the runner and the read model follow within seconds. */
    private JsonNode awaitEnded(String backtestId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            ResponseEntity<JsonNode> shown = send(trader, HttpMethod.GET, "/api/backtests/" + backtestId, null);
            if (shown.getStatusCode().is2xxSuccessful()
                    && !"REQUESTED".equals(shown.getBody().get("run").get("status").asText())) {
                return shown.getBody();
            }
            assertThat(Instant.now()).as("backtest %s ending", backtestId).isBefore(deadline);
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).contains(detail);
    }

    /** The same backtest computed by the engine from the data file itself, bypassing the platform. */
    private static BacktestResult expectedFromFile(Map<String, Integer> parameters, int warmup) {
        long readFrom = FROM.toEpochMilli() - warmup * 60_000L;
        List<Bar> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(realData())), StandardCharsets.US_ASCII))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                long t = Long.parseLong(f[0]);
                if (t >= readFrom && t < TO.toEpochMilli()) {
                    rows.add(new Bar(t, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BarSeries bars = BarSeries.of(60_000, rows);
        int tradeFrom = 0;
        while (bars.openTime(tradeFrom) < FROM.toEpochMilli()) {
            tradeFrom++;
        }
        BacktestSpec spec = BacktestSpec.of(StrategyKind.SMA_CROSSOVER, parameters,
                ExecutionConfig.defaults().withInitialCapital(10_000).withFees(Fees.basisPoints(10, 10))
                        .withTradeFrom(tradeFrom));
        return Backtest.run(spec, bars);
    }

    @Test
    void anSmaCrossoverOnTheRealMinutesCompletesWithTheTradesAndDigestsTheEngineGivesOnTheFile() {
        // given
        String strategyId = createStrategy("SMA_CROSSOVER", "BTCUSDT", "{\"fast\":10,\"slow\":50}");

        // when
        String backtestId = requestAccepted(strategyId, run("1m", FROM, TO));
        JsonNode details = awaitEnded(backtestId);

        // then
        BacktestResult expected = expectedFromFile(Map.of("fast", 10, "slow", 50), 50);
        JsonNode run = details.get("run");
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("COMPLETED");
        assertThat(run.get("requestedBy").asText()).isEqualTo(trader.userId());
        JsonNode digests = run.get("digests");
        assertThat(digests.get("bars").asText()).as("bars read from ClickHouse equal the file's")
                .isEqualTo(expected.digests().bars());
        assertThat(digests.get("spec").asText()).isEqualTo(expected.digests().spec());
        assertThat(digests.get("trades").asText()).isEqualTo(expected.digests().trades());
        assertThat(digests.get("equity").asText()).isEqualTo(expected.digests().equity());
        JsonNode summary = run.get("summary");
        assertThat(summary.get("trades").asInt()).isEqualTo(expected.trades().size()).isGreaterThan(100);
        assertThat(summary.get("bars").asLong()).isEqualTo(Duration.between(FROM, TO).toMinutes());
        assertThat(summary.get("warmupBars").asInt()).isEqualTo(50);
        assertThat(summary.get("finalEquity").asDouble()).isEqualTo(expected.finalEquity());
        JsonNode trades = details.get("trades");
        assertThat(trades).hasSize(expected.trades().size());
        Trade first = expected.trades().get(0);
        assertThat(trades.get(0).get("entryTime").asText()).isEqualTo(Instant.ofEpochMilli(first.entryTime())
                .toString());
        assertThat(trades.get(0).get("entryPrice").asDouble()).isEqualTo(first.entryPrice());
        assertThat(trades.get(0).get("pnl").asDouble()).isEqualTo(first.pnl());
    }

    @Test
    void theSameRequestTwiceGivesIdenticalDigestsAndVerificationReproducesIt() {
        // given
        String strategyId = createStrategy("EMA_CROSSOVER", "BTCUSDT", "{\"fast\":12,\"slow\":26}");
        Instant from = Instant.parse("2025-07-01T00:00:00Z");
        Instant to = Instant.parse("2025-07-15T00:00:00Z");

        // when
        JsonNode one = awaitEnded(requestAccepted(strategyId, run("15m", from, to))).get("run");
        JsonNode two = awaitEnded(requestAccepted(strategyId, run("15m", from, to))).get("run");
        ResponseEntity<JsonNode> verified = send(trader, HttpMethod.POST, "/api/backtests/"
                + one.get("backtestId").asText() + "/verification", null);

        // then
        assertThat(one.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(two.get("digests")).isEqualTo(one.get("digests"));
        assertThat(two.get("summary")).isEqualTo(one.get("summary"));
        assertThat(verified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verified.getBody().get("reproduced").asBoolean()).as("%s", verified.getBody()).isTrue();
        assertThat(verified.getBody().get("differences")).isEmpty();
        assertThat(verified.getBody().get("recomputed")).isEqualTo(one.get("digests"));
    }

    @Test
    void verificationDetectsAChangedBar() {
        // given: a completed run
        String strategyId = createStrategy("SMA_CROSSOVER", "BTCUSDT", "{\"fast\":5,\"slow\":20}");
        Instant from = Instant.parse("2025-07-20T00:00:00Z");
        Instant to = Instant.parse("2025-07-22T00:00:00Z");
        String backtestId = requestAccepted(strategyId, run("5m", from, to));
        assertThat(awaitEnded(backtestId).get("run").get("status").asText()).isEqualTo("COMPLETED");
        // the last minute of a 5-minute bar, whose close is that bar's close
        String minute = "2025-07-21 12:04:00.000";
        String original = "SELECT symbol, open_time, open, high, low, close, volume, quote_volume, trades, "
                + "taker_buy_base_volume, taker_buy_quote_volume, completeness FROM klines_1m FINAL "
                + "WHERE symbol = 'BTCUSDT' AND open_time = toDateTime64('" + minute + "', 3, 'UTC')";
        clickHouse.jdbc().execute("CREATE TABLE IF NOT EXISTS kline_backup ENGINE = Memory AS " + original);
        try {
            // when: one minute's close is stored again, changed by a cent
            clickHouse.jdbc().execute("INSERT INTO klines_1m SELECT symbol, open_time, open, greatest(high, close "
                    + "+ 0.01), low, close + 0.01, volume, quote_volume, trades, taker_buy_base_volume, "
                    + "taker_buy_quote_volume, completeness FROM kline_backup");
            ResponseEntity<JsonNode> verified = send(trader, HttpMethod.POST, "/api/backtests/" + backtestId
                    + "/verification", null);

            // then
            assertThat(verified.getBody().get("reproduced").asBoolean()).isFalse();
            assertThat(verified.getBody().get("differences")).extracting(JsonNode::asText)
                    .contains("bars", "input").doesNotContain("spec", "engineVersion");
        } finally {
            clickHouse.jdbc().execute("INSERT INTO klines_1m SELECT * FROM kline_backup");
            clickHouse.jdbc().execute("DROP TABLE kline_backup");
        }
        assertThat(send(trader, HttpMethod.POST, "/api/backtests/" + backtestId + "/verification", null).getBody()
                .get("reproduced").asBoolean()).as("reproduced again once the bar is restored").isTrue();
    }

    @Test
    void verificationDetectsAParameterChangedInTheEventStore() {
        // given: a completed run
        String strategyId = createStrategy("SMA_CROSSOVER", "BTCUSDT", "{\"fast\":7,\"slow\":30}");
        Instant from = Instant.parse("2025-07-02T00:00:00Z");
        Instant to = Instant.parse("2025-07-04T00:00:00Z");
        String backtestId = requestAccepted(strategyId, run("1h", from, to));
        assertThat(awaitEnded(backtestId).get("run").get("status").asText()).isEqualTo("COMPLETED");
        String where = " WHERE aggregateidentifier = ? AND payloadtype LIKE '%BacktestRequestedEvent'";
        String payload = postgres.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + where, String.class, strategyId);
        assertThat(payload).contains("\"fast\":7");

        // when: someone rewrites the recorded request
        postgres.update("UPDATE domainevententry SET payload = convert_to(?, 'UTF8')" + where,
                payload.replace("\"fast\":7", "\"fast\":8"), strategyId);
        ResponseEntity<JsonNode> verified = send(trader, HttpMethod.POST, "/api/backtests/" + backtestId
                + "/verification", null);

        // then
        assertThat(verified.getBody().get("reproduced").asBoolean()).isFalse();
        assertThat(verified.getBody().get("differences")).extracting(JsonNode::asText)
                .contains("spec", "input").doesNotContain("bars");
    }

    @Test
    void aRequestWithAnEmptyRangeAnUnknownSymbolOrBadCostsIsRefusedWithTheReason() {
        String strategyId = createStrategy("SMA_CROSSOVER", "BTCUSDT", "{\"fast\":10,\"slow\":50}");
        String unknown = createStrategy("SMA_CROSSOVER", "NOSUCHUSDT", "{\"fast\":10,\"slow\":50}");

        assertProblem(request(strategyId, run("1h", TO, FROM)), HttpStatus.BAD_REQUEST, "range is empty");
        assertProblem(request(unknown, run("1h", FROM, TO)), HttpStatus.BAD_REQUEST, "no NOSUCHUSDT bars");
        assertProblem(request(strategyId, run("7m", FROM, TO)), HttpStatus.BAD_REQUEST, "interval");
        assertProblem(request(strategyId, run("1h", FROM, TO).replace("\"feeBps\":10", "\"feeBps\":5000")),
                HttpStatus.BAD_REQUEST, "feeBps");
        assertProblem(request(strategyId, "{\"interval\":\"1h\"}"), HttpStatus.BAD_REQUEST, "from");
    }

    @Test
    void aFailureInsideTheRunEndsInBacktestFailedWithTheReason() {
        // given: a symbol whose only stored minute is broken (its low above its high)
        clickHouse.jdbc().execute("INSERT INTO klines_1m (symbol, open_time, open, high, low, close, volume, "
                + "quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, completeness) VALUES "
                + "('BROKENUSDT', '2025-07-01 00:00:00.000', 10, 9, 11, 10, 1, 10, 1, 0, 0, 2)");
        String strategyId = createStrategy("BUY_AND_HOLD", "BROKENUSDT", "{}");

        // when
        String backtestId = requestAccepted(strategyId, run("1m", Instant.parse("2025-07-01T00:00:00Z"),
                Instant.parse("2025-07-02T00:00:00Z")));
        JsonNode run = awaitEnded(backtestId).get("run");

        // then
        assertThat(run.get("status").asText()).isEqualTo("FAILED");
        assertThat(run.get("failureReason").asText()).contains("bar 0");
        assertProblem(send(trader, HttpMethod.POST, "/api/backtests/" + backtestId + "/verification", null),
                HttpStatus.CONFLICT, "failed");
    }

    @Test
    void runsAreListedComparedChartedAndExportedAndProgressEndsCompleted() throws Exception {
        // given
        String strategyId = createStrategy("RSI_MEAN_REVERSION", "BTCUSDT", "{}");
        String a = requestAccepted(strategyId, run("1h", FROM, TO));
        String b = requestAccepted(strategyId, run("4h", FROM, TO));
        JsonNode runA = awaitEnded(a).get("run");
        awaitEnded(b);

        // when
        JsonNode listed = send(trader, HttpMethod.GET, "/api/strategies/" + strategyId + "/backtests", null)
                .getBody();
        JsonNode compared = send(trader, HttpMethod.GET, "/api/backtests/compare?ids=" + b + "," + a, null)
                .getBody();
        JsonNode series = send(trader, HttpMethod.GET, "/api/backtests/" + a + "/series?points=100", null)
                .getBody();
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/backtests/" + a + "/trades.csv"))
                .header("Authorization", trader.bearer()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> progress = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/strategies/" + strategyId + "/backtests/" + a + "/progress"))
                .header("Authorization", trader.bearer()).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(listed.get("runs")).extracting(r -> r.get("backtestId").asText()).containsExactly(b, a);
        assertThat(compared.get("runs")).extracting(r -> r.get("backtestId").asText()).containsExactly(b, a);
        long bars = runA.get("summary").get("bars").asLong();
        assertThat(series.get("points").asLong()).isEqualTo(bars);
        assertThat(series.get("equity")).hasSize(100);
        assertThat(series.get("equity").get(0).get("time").asLong()).isEqualTo(FROM.toEpochMilli());
        assertThat(series.get("drawdown")).allSatisfy(p -> assertThat(p.get("value").asDouble()).isBetween(-1.0,
                0.0));
        int trades = runA.get("summary").get("trades").asInt();
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines()).hasSize(trades + 1).first().asString().startsWith("number,side,quantity");
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("event:progress").contains("\"stage\":\"COMPLETED\"");
    }

    @Test
    void anotherUsersRunIsForbiddenAndAFreePlansLimitsAreKept() {
        // given
        String strategyId = createStrategy("SMA_CROSSOVER", "BTCUSDT", "{\"fast\":10,\"slow\":50}");
        String backtestId = requestAccepted(strategyId, run("1h", FROM, TO));
        TestAccounts.Session other = TestAccounts.registerAndLogin(baseUrl(), "other");

        // when / then
        awaitEnded(backtestId);
        assertProblem(send(other, HttpMethod.GET, "/api/backtests/" + backtestId, null), HttpStatus.FORBIDDEN,
                "another user");
        assertProblem(request(strategyId, run("1h", Instant.parse("2025-05-20T00:00:00Z"),
                Instant.parse("2025-08-19T00:00:00Z"))), HttpStatus.FORBIDDEN, "at most 90 days");
        List<String> more = new ArrayList<>();
        for (int i = 1; i < StandaloneTest.FREE_RUNS_PER_DAY; i++) {
            more.add(requestAccepted(strategyId, run("1d", FROM, TO)));
        }
        more.forEach(this::awaitEnded);
        ResponseEntity<JsonNode> over = request(strategyId, run("1d", FROM, TO));
        assertProblem(over, HttpStatus.TOO_MANY_REQUESTS, "backtests a day");
    }

    private static String optimisation(String extra) {
        return "{\"interval\":\"4h\",\"from\":\"2025-06-01T00:00:00Z\",\"to\":\"2025-08-01T00:00:00Z\","
                + "\"sweeps\":{\"fast\":{\"from\":5,\"to\":15,\"step\":5},\"slow\":{\"from\":10,\"to\":30,"
                + "\"step\":10}},\"objective\":\"TOTAL_RETURN\"" + extra + "}";
    }

    @Test
    void optimisationIsPremiumAndRanksEveryValidPointOfTheGridWithAWalkForward() {
        // given
        String strategyId = createStrategy("SMA_CROSSOVER", "BTCUSDT", "{\"fast\":10,\"slow\":50}");
        String path = "/api/strategies/" + strategyId + "/optimisations";
        assertProblem(send(trader, HttpMethod.POST, path, optimisation("")), HttpStatus.FORBIDDEN, "premium");
        TestAccounts.buyPremium(baseUrl(), trader);

        // when
        ResponseEntity<JsonNode> found = send(trader, HttpMethod.POST, path,
                optimisation(",\"walkForward\":{\"trainBars\":120,\"testBars\":60}"));

        // then: 3 x 3 points, of which fast 10 and 15 with slow 10 are refused (fast must be below slow)
        assertThat(found.getStatusCode()).as("%s", found.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode result = found.getBody();
        assertThat(result.get("evaluated").asInt()).isEqualTo(7);
        assertThat(result.get("skipped").asInt()).isEqualTo(2);
        List<Double> scores = new ArrayList<>();
        result.get("top").forEach(c -> scores.add(c.get("score").asDouble()));
        assertThat(scores).hasSize(7).isSortedAccordingTo(Comparator.reverseOrder());
        JsonNode best = result.get("top").get(0);
        assertThat(best.get("score").asDouble()).isEqualTo(best.get("totalReturn").asDouble());
        assertThat(result.get("walkForward").get("windows").size()).isGreaterThan(1);
        assertProblem(send(trader, HttpMethod.POST, path, optimisation("").replace("\"step\":5", "\"step\":0")),
                HttpStatus.BAD_REQUEST, "positive step");
    }

    @Test
    void anOptimisationThatCannotRunEndsItsProgressStreamAsFailed() throws Exception {
        // given: a premium trader, and a range without bars
        String strategyId = createStrategy("SMA_CROSSOVER", "BTCUSDT", "{\"fast\":10,\"slow\":50}");
        TestAccounts.buyPremium(baseUrl(), trader);
        String id = "opt-" + UUID.randomUUID();
        String body = optimisation(",\"optimisationId\":\"" + id + "\"")
                .replace("2025-06-01T00:00:00Z", "2019-06-01T00:00:00Z").replace("2025-08-01T00:00:00Z",
                        "2019-08-01T00:00:00Z");

        // when
        ResponseEntity<JsonNode> refused = send(trader, HttpMethod.POST, "/api/strategies/" + strategyId
                + "/optimisations", body);
        HttpResponse<String> progress = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/strategies/" + strategyId + "/optimisations/" + id + "/progress"))
                .header("Authorization", trader.bearer()).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        // then: refused with the reason, and a follower is told at once rather than after the stream's timeout
        assertProblem(refused, HttpStatus.BAD_REQUEST, "no BTCUSDT bars");
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("\"stage\":\"FAILED\"").contains("no BTCUSDT bars");
    }
}
