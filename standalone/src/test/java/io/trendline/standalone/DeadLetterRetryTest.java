package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trendline.platform.clickhouse.ClickHouse;
import java.time.Duration;
import java.time.Instant;
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
 * A projection whose store refuses its writes loses nothing: the events wait in the dead-letter queue with the cause,
 * and once the store is back the retry brings the read model up to date.
 */
@StandaloneTest
class DeadLetterRetryTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ClickHouse clickHouse;

    @Autowired
    JdbcTemplate postgres;

    @LocalServerPort
    int port;

    private ResponseEntity<JsonNode> send(TestAccounts.Session who, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, who.bearer());
        return http.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private long deadLetters(String strategyId) {
        return postgres.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = 'backtest-runs' "
                + "AND sequenceidentifier = ?", Long.class, strategyId);
    }

    @Test
    void aBacktestProjectedWhileItsTableIsAwayAppearsOnceTheTableIsBack() throws Exception {
        // given: bars of a symbol of this test's own, a strategy on it, and the read model's table gone
        clickHouse.jdbc().execute("INSERT INTO klines_1m (symbol, open_time, open, high, low, close, volume, "
                + "quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, completeness) "
                + "SELECT 'DLQUSDT', toDateTime64('2025-03-01 00:00:00', 3, 'UTC') + number * 60, 100 + number % 7, "
                + "110, 90, 100 + number % 5, 1, 100, 1, 0, 0, 2 FROM numbers(500)");
        TestAccounts.Session trader = TestAccounts.registerAndLogin("http://127.0.0.1:" + port, "dlq");
        // premium: its runs are not counted against a daily limit, a count the missing table could not give
        TestAccounts.buyPremium("http://127.0.0.1:" + port, trader);
        ResponseEntity<JsonNode> created = send(trader, HttpMethod.POST, "/api/strategies",
                "{\"name\":\"dlq\",\"type\":\"SMA_CROSSOVER\",\"symbol\":\"DLQUSDT\"}");
        String strategyId = created.getBody().get("strategyId").asText();
        clickHouse.jdbc().execute("RENAME TABLE backtest_runs TO backtest_runs_away");
        String backtestId;
        try {
            // when: a backtest runs while its projection cannot write
            ResponseEntity<JsonNode> accepted = send(trader, HttpMethod.POST, "/api/strategies/" + strategyId
                    + "/backtests", "{\"interval\":\"1m\",\"from\":\"2025-03-01T00:00:00Z\","
                    + "\"to\":\"2025-03-02T00:00:00Z\"}");
            assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
            backtestId = accepted.getBody().get("backtestId").asText();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (deadLetters(strategyId) < 2) {
                assertThat(Instant.now()).as("request and completion dead-lettered").isBefore(deadline);
                Thread.sleep(100);
            }
            TestAccounts.Session free = TestAccounts.registerAndLogin("http://127.0.0.1:" + port, "free");
            String freeStrategy = send(free, HttpMethod.POST, "/api/strategies",
                    "{\"name\":\"dlq\",\"type\":\"SMA_CROSSOVER\",\"symbol\":\"DLQUSDT\"}").getBody()
                    .get("strategyId").asText();
            ResponseEntity<JsonNode> unavailable = send(free, HttpMethod.POST, "/api/strategies/" + freeStrategy
                    + "/backtests", "{\"from\":\"2025-03-01T00:00:00Z\",\"to\":\"2025-03-02T00:00:00Z\"}");
            assertThat(unavailable.getStatusCode()).as("a free user's runs cannot be counted")
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(unavailable.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(postgres.queryForList("SELECT causemessage FROM deadletterentry WHERE processinggroup = "
                    + "'backtest-runs' AND sequenceidentifier = ? ORDER BY sequenceindex", String.class, strategyId)
                    .get(0)).contains("backtest_runs");
        } finally {
            clickHouse.jdbc().execute("RENAME TABLE backtest_runs_away TO backtest_runs");
        }

        // then: the retry projects both events, in order, and empties the queue
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            ResponseEntity<JsonNode> shown = send(trader, HttpMethod.GET, "/api/backtests/" + backtestId, null);
            if (shown.getStatusCode() == HttpStatus.OK
                    && "COMPLETED".equals(shown.getBody().get("run").get("status").asText())) {
                break;
            }
            assertThat(Instant.now()).as("the run projected after the retry").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(deadLetters(strategyId)).isZero();
    }
}
