package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trendline.platform.clickhouse.ClickHouse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

/** The market queries over REST, on candles written straight into the real ClickHouse under a fresh symbol each. */
@StandaloneTest
class MarketApiTest {

    private static final long T0 = Instant.parse("2025-06-02T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ClickHouse clickHouse;

    @LocalServerPort
    int port;

    private TestAccounts.Session trader;

    record Minute(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                  BigDecimal volume) {
    }

    @BeforeEach
    void logIn() {
        trader = TestAccounts.registerAndLogin("http://127.0.0.1:" + port, "market");
    }

    private static String newSymbol() {
        return "TST" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** Minute i: prices wander up and down by i, volume grows; minutes in {@code skip} are left out. */
    private List<Minute> store(String symbol, int count, Set<Integer> skip) {
        List<Minute> minutes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (skip.contains(i)) {
                continue;
            }
            BigDecimal open = new BigDecimal("100.5").add(BigDecimal.valueOf((i * 37L) % 23));
            minutes.add(new Minute(T0 + i * MINUTE, open, open.add(new BigDecimal("2.25")),
                    open.subtract(new BigDecimal("1.125")), open.add(BigDecimal.valueOf(i % 3 - 1)),
                    new BigDecimal("0.001").multiply(BigDecimal.valueOf(i + 1))));
        }
        String values = minutes.stream().map(m -> "('" + symbol + "', fromUnixTimestamp64Milli(" + m.openTime()
                + ", 'UTC'), " + m.open() + ", " + m.high() + ", " + m.low() + ", " + m.close() + ", " + m.volume()
                + ", 0, 0, 0, 0, 1)").collect(Collectors.joining(", "));
        clickHouse.jdbc().execute("INSERT INTO klines_1m (symbol, open_time, open, high, low, close, volume, "
                + "quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, completeness) VALUES "
                + values);
        return minutes;
    }

    private <T> ResponseEntity<T> get(String path, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, trader.bearer());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
    }

    private static void assertBar(JsonNode bar, List<Minute> minutes) {
        assertThat(bar.get("openTime").asLong()).isEqualTo(minutes.get(0).openTime());
        assertThat(bar.get("open").decimalValue()).isEqualByComparingTo(minutes.get(0).open());
        assertThat(bar.get("high").decimalValue()).isEqualByComparingTo(
                minutes.stream().map(Minute::high).max(BigDecimal::compareTo).orElseThrow());
        assertThat(bar.get("low").decimalValue()).isEqualByComparingTo(
                minutes.stream().map(Minute::low).min(BigDecimal::compareTo).orElseThrow());
        assertThat(bar.get("close").decimalValue()).isEqualByComparingTo(minutes.get(minutes.size() - 1).close());
        assertThat(bar.get("volume").decimalValue()).isEqualByComparingTo(
                minutes.stream().map(Minute::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, String code) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }

    @Test
    void fiveMinuteBarsAggregateTheirMinutesAndArePagedOldestFirst() {
        // given
        String symbol = newSymbol();
        List<Minute> minutes = store(symbol, 60, Set.of());

        // when
        String path = "/api/market/" + symbol + "/candles?interval=5m&from=" + T0 + "&to=2025-06-02T01:00:00Z";
        JsonNode first = get(path + "&limit=8", JsonNode.class).getBody();
        JsonNode second = get("/api/market/" + symbol + "/candles?interval=5m&from=" + first.get("next").asLong()
                + "&to=" + (T0 + 60 * MINUTE) + "&limit=8", JsonNode.class).getBody();

        // then
        assertThat(first.get("interval").asText()).isEqualTo("5m");
        assertThat(first.get("candles")).hasSize(8);
        assertThat(first.get("next").asLong()).isEqualTo(T0 + 40 * MINUTE);
        assertThat(second.get("candles")).hasSize(4);
        assertThat(second.get("next")).isNull();
        List<JsonNode> bars = new ArrayList<>();
        first.get("candles").forEach(bars::add);
        second.get("candles").forEach(bars::add);
        for (int k = 0; k < 12; k++) {
            assertBar(bars.get(k), minutes.subList(5 * k, 5 * k + 5));
        }
    }

    @Test
    void oneMinuteCandlesAreTheStoredOnesAndTheLatestAreServedWithoutARange() {
        // given
        String symbol = newSymbol();
        List<Minute> minutes = store(symbol, 30, Set.of());

        // when
        JsonNode latest = get("/api/market/" + symbol + "/candles?interval=1m&limit=10", JsonNode.class).getBody();

        // then
        assertThat(latest.get("candles")).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertBar(latest.get("candles").get(i), List.of(minutes.get(20 + i)));
        }
    }

    @Test
    void theCsvExportHoldsTheWholeRangeAcrossPages() {
        // given
        String symbol = newSymbol();
        List<Minute> minutes = store(symbol, 45, Set.of());

        // when
        ResponseEntity<String> csv = get("/api/market/" + symbol + "/candles.csv?interval=15m&from=" + T0
                + "&to=" + (T0 + 45 * MINUTE) + "&pageSize=2", String.class);

        // then
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).startsWith(symbol + "-15m-");
        String[] lines = csv.getBody().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("open_time,open_time_ms,open,high,low,close,volume");
        for (int k = 0; k < 3; k++) {
            List<Minute> bar = minutes.subList(15 * k, 15 * k + 15);
            String[] f = lines[k + 1].split(",");
            assertThat(f[0]).isEqualTo(Instant.ofEpochMilli(T0 + k * 15 * MINUTE).toString());
            assertThat(Long.parseLong(f[1])).isEqualTo(T0 + k * 15 * MINUTE);
            assertThat(new BigDecimal(f[2])).isEqualByComparingTo(bar.get(0).open());
            assertThat(new BigDecimal(f[5])).isEqualByComparingTo(bar.get(14).close());
            assertThat(new BigDecimal(f[6])).isEqualByComparingTo(
                    bar.stream().map(Minute::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    @Test
    void theSummaryIsTheLatestPriceAndTheDayBeforeIt() {
        // given
        String symbol = newSymbol();
        List<Minute> minutes = store(symbol, 90, Set.of());

        // when
        JsonNode summary = get("/api/market/" + symbol + "/summary", JsonNode.class).getBody();

        // then
        Minute last = minutes.get(89);
        BigDecimal open = minutes.get(0).open();
        BigDecimal mean = minutes.stream().map(Minute::close).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(90), 8, RoundingMode.HALF_EVEN);
        assertThat(summary.get("time").asLong()).isEqualTo(last.openTime());
        assertThat(summary.get("price").decimalValue()).isEqualByComparingTo(last.close());
        assertThat(summary.get("open").decimalValue()).isEqualByComparingTo(open);
        assertThat(summary.get("high").decimalValue()).isEqualByComparingTo(
                minutes.stream().map(Minute::high).max(BigDecimal::compareTo).orElseThrow());
        assertThat(summary.get("low").decimalValue()).isEqualByComparingTo(
                minutes.stream().map(Minute::low).min(BigDecimal::compareTo).orElseThrow());
        assertThat(summary.get("average").decimalValue()).isEqualByComparingTo(mean);
        assertThat(summary.get("volume").decimalValue()).isEqualByComparingTo(
                minutes.stream().map(Minute::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(summary.get("change").decimalValue()).isEqualByComparingTo(last.close().subtract(open));
        assertThat(summary.get("changePercent").decimalValue()).isEqualByComparingTo(last.close().subtract(open)
                .multiply(BigDecimal.valueOf(100)).divide(open, 4, RoundingMode.HALF_EVEN));
        assertThat(summary.get("candles").asLong()).isEqualTo(90);
    }

    @Test
    void theGapsReportListsEveryMissingRunOfMinutes() {
        // given
        String symbol = newSymbol();
        Set<Integer> skipped = IntStream.of(10, 11, 12, 30).boxed().collect(Collectors.toSet());
        store(symbol, 60, skipped);

        // when
        JsonNode report = get("/api/market/" + symbol + "/gaps?from=" + T0 + "&to=" + (T0 + 62 * MINUTE),
                JsonNode.class).getBody();

        // then
        assertThat(report.get("expected").asLong()).isEqualTo(62);
        assertThat(report.get("present").asLong()).isEqualTo(56);
        JsonNode gaps = report.get("gaps");
        assertThat(gaps).hasSize(3);
        assertThat(gaps.get(0).get("from").asLong()).isEqualTo(T0 + 10 * MINUTE);
        assertThat(gaps.get(0).get("to").asLong()).isEqualTo(T0 + 13 * MINUTE);
        assertThat(gaps.get(0).get("minutes").asLong()).isEqualTo(3);
        assertThat(gaps.get(1).get("from").asLong()).isEqualTo(T0 + 30 * MINUTE);
        assertThat(gaps.get(1).get("minutes").asLong()).isEqualTo(1);
        assertThat(gaps.get(2).get("from").asLong()).isEqualTo(T0 + 60 * MINUTE);
        assertThat(gaps.get(2).get("minutes").asLong()).isEqualTo(2);
        assertThat(report.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void badQueriesAreRefusedWithAProblemNamingTheReason() {
        // given
        String symbol = newSymbol();
        store(symbol, 5, Set.of());
        String candles = "/api/market/" + symbol + "/candles";

        // then
        assertProblem(get("/api/market/NOSUCHCOIN/candles?interval=1m", JsonNode.class), "market.unknown-symbol");
        assertProblem(get("/api/market/BAD-SYMBOL/summary", JsonNode.class), "market.symbol-invalid");
        assertProblem(get(candles + "?interval=2m", JsonNode.class), "market.interval-invalid");
        assertProblem(get(candles + "?interval=1m&from=" + (T0 + MINUTE) + "&to=" + T0, JsonNode.class),
                "market.range-inverted");
        assertProblem(get(candles + "?interval=1m&from=0&to=" + T0, JsonNode.class), "market.range-too-large");
        assertProblem(get(candles + "?interval=1m&from=yesterday", JsonNode.class), "market.time-invalid");
        assertProblem(get(candles + "?interval=1m&limit=0", JsonNode.class), "market.limit-invalid");
        assertProblem(get(candles + ".csv?interval=1w&from=" + T0 + "&to=0", JsonNode.class),
                "market.range-inverted");
        assertProblem(get("/api/market/" + symbol + "/gaps?from=" + T0 + "&to=" + T0, JsonNode.class),
                "market.range-inverted");
    }

    @Test
    void anAdministratorImportsAFileFromTheImportDirectoryAndAgainWithoutChange() throws Exception {
        // given: a 7-column file of three minutes in the import directory
        String symbol = newSymbol();
        Path dir = LocalStackForTests.get().settings().dataDir().resolve("imports");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(symbol + ".csv"), "open_time,open,high,low,close,volume,close_time\n"
                + T0 + ",10,12,9,11,1.5," + (T0 + 59_999) + "\n"
                + (T0 + MINUTE) + ",11,13,10,12,2.5," + (T0 + MINUTE + 59_999) + "\n"
                + (T0 + 2 * MINUTE) + ",12,12,8,9,3," + (T0 + 2 * MINUTE + 59_999) + "\n");
        TestAccounts.Session admin = TestAccounts.login("http://127.0.0.1:" + port, StandaloneTest.ADMIN_EMAIL,
                StandaloneTest.ADMIN_PASSWORD);
        String request = "{\"path\":\"" + symbol + ".csv\",\"symbol\":\"" + symbol + "\"}";

        // when
        ResponseEntity<JsonNode> first = post("/api/admin/market/imports", request, admin);
        ResponseEntity<JsonNode> again = post("/api/admin/market/imports", request, admin);

        // then
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("rows").asLong()).isEqualTo(3);
        assertThat(again.getBody().get("rows").asLong()).isEqualTo(3);
        JsonNode bar = get("/api/market/" + symbol + "/candles?interval=5m&from=" + T0, JsonNode.class).getBody()
                .get("candles");
        assertThat(bar).hasSize(1);
        assertThat(bar.get(0).get("open").decimalValue()).isEqualByComparingTo("10");
        assertThat(bar.get(0).get("high").decimalValue()).isEqualByComparingTo("13");
        assertThat(bar.get(0).get("low").decimalValue()).isEqualByComparingTo("8");
        assertThat(bar.get(0).get("close").decimalValue()).isEqualByComparingTo("9");
        assertThat(bar.get(0).get("volume").decimalValue()).isEqualByComparingTo("7");
        assertThat(post("/api/admin/market/imports", request, trader).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> outside = post("/api/admin/market/imports", "{\"path\":\"../../etc/passwd\"}", admin);
        assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(outside.getBody().get("code").asText()).isEqualTo("import.outside-import-dir");
    }

    private ResponseEntity<JsonNode> post(String path, String json, TestAccounts.Session who) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, who.bearer());
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    @Test
    void marketDataNeedsAToken() {
        assertThat(http.getForEntity("/api/market/BTCUSDT/summary", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
