package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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

@StandaloneTest
class StrategyApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate postgres;

    @LocalServerPort
    int port;

    /** A fresh trader for every test, so no test's requests count against another's rate limit. */
    private TestAccounts.Session trader;

    @BeforeEach
    void logIn() {
        trader = TestAccounts.registerAndLogin("http://127.0.0.1:" + port, "trader");
    }

    private ResponseEntity<JsonNode> get(String path) {
        return send(HttpMethod.GET, path, null, null);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String json, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, trader.bearer());
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return http.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private String create(String json) {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/api/strategies", json, null);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("strategyId").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/strategies/" + id);
        return id;
    }

    /** The read model follows the events within moments; wait for the version a change produced. */
    private ResponseEntity<JsonNode> awaitVersion(String id, long version) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            ResponseEntity<JsonNode> shown = get("/api/strategies/" + id);
            if (shown.getStatusCode().is2xxSuccessful() && shown.getBody().get("version").asLong() >= version) {
                return shown;
            }
            assertThat(Instant.now()).as("strategy %s reaching version %d", id, version).isBefore(deadline);
            sleep(20);
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

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }

    @Test
    void aCreatedStrategyIsShownWithTheTypesDefaultsAndItsVersionAsETag() {
        String id = create("{\"name\":\"Golden cross\",\"type\":\"SMA_CROSSOVER\",\"symbol\":\"BTCUSDT\","
                + "\"parameters\":{\"fast\":20}}");

        ResponseEntity<JsonNode> shown = awaitVersion(id, 0);

        assertThat(shown.getHeaders().getETag()).isEqualTo("\"0\"");
        JsonNode body = shown.getBody();
        assertThat(body.get("name").asText()).isEqualTo("Golden cross");
        assertThat(body.get("parameters").get("fast").asInt()).isEqualTo(20);
        assertThat(body.get("parameters").get("slow").asInt()).isEqualTo(50);
        assertThat(body.get("archived").asBoolean()).isFalse();
    }

    @Test
    void changingParametersWithAStaleVersionIsAConflict() {
        String id = create("{\"name\":\"EMA\",\"type\":\"EMA_CROSSOVER\",\"symbol\":\"ETHUSDT\"}");
        String change = "{\"parameters\":{\"fast\":5,\"slow\":30}}";

        assertThat(send(HttpMethod.PUT, "/api/strategies/" + id + "/parameters", change, "\"0\"").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<JsonNode> stale = send(HttpMethod.PUT, "/api/strategies/" + id + "/parameters",
                "{\"parameters\":{\"fast\":6,\"slow\":30}}", "\"0\"");

        assertProblem(stale, HttpStatus.CONFLICT);
        assertThat(stale.getBody().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(awaitVersion(id, 1).getBody().get("parameters").get("fast").asInt()).isEqualTo(5);
    }

    @Test
    void invalidParametersAreRefusedWithTheReason() {
        ResponseEntity<JsonNode> refused = send(HttpMethod.POST, "/api/strategies",
                "{\"name\":\"x\",\"type\":\"SMA_CROSSOVER\",\"symbol\":\"BTCUSDT\",\"parameters\":{\"fast\":80}}",
                null);

        assertProblem(refused, HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("strategy.parameters-invalid");
        assertThat(refused.getBody().get("detail").asText()).contains("fast must be less than slow");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(send(HttpMethod.POST, "/api/strategies", "{\"name\": ", null), HttpStatus.BAD_REQUEST);
    }

    @Test
    void anUnknownStrategyTypeIsABadRequest() {
        assertProblem(send(HttpMethod.POST, "/api/strategies",
                "{\"name\":\"x\",\"type\":\"MOON\",\"symbol\":\"BTCUSDT\"}", null), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aMissingNameIsABadRequest() {
        assertProblem(send(HttpMethod.POST, "/api/strategies", "{\"type\":\"BUY_AND_HOLD\",\"symbol\":\"BTCUSDT\"}",
                null), HttpStatus.BAD_REQUEST);
    }

    @Test
    void unknownIdsAreNotFound() {
        assertProblem(send(HttpMethod.GET, "/api/strategies/nope", null, null), HttpStatus.NOT_FOUND);
        assertProblem(send(HttpMethod.PUT, "/api/strategies/nope/parameters", "{\"parameters\":{}}", null),
                HttpStatus.NOT_FOUND);
        assertProblem(send(HttpMethod.GET, "/api/strategies/nope/events", null, null), HttpStatus.NOT_FOUND);
    }

    @Test
    void archivingTwiceIsAConflict() {
        String id = create("{\"name\":\"Hodl\",\"type\":\"BUY_AND_HOLD\",\"symbol\":\"BTCUSDT\"}");

        assertThat(send(HttpMethod.DELETE, "/api/strategies/" + id, null, null).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        assertProblem(send(HttpMethod.DELETE, "/api/strategies/" + id, null, null), HttpStatus.CONFLICT);
        assertThat(awaitVersion(id, 1).getBody().get("archived").asBoolean()).isTrue();
    }

    @Test
    void theEventsOfAStrategyCarryWhoCausedThemAndTheirChain() {
        String id = create("{\"name\":\"RSI\",\"type\":\"RSI_MEAN_REVERSION\",\"symbol\":\"ETHUSDT\"}");
        send(HttpMethod.PUT, "/api/strategies/" + id + "/name", "{\"name\":\"RSI 2\"}", null);

        JsonNode events = get("/api/strategies/" + id + "/events").getBody().get("events");

        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("type").asText()).isEqualTo("StrategyCreatedEvent");
        assertThat(events.get(0).get("revision").asText()).isEqualTo("1");
        assertThat(events.get(1).get("type").asText()).isEqualTo("StrategyRenamedEvent");
        assertThat(events.get(1).get("payload").get("previousName").asText()).isEqualTo("RSI");
        for (JsonNode event : events) {
            Map<String, String> meta = Map.of(
                    "userId", event.get("metaData").get("userId").asText(),
                    "causationId", event.get("metaData").get("causationId").asText(),
                    "correlationId", event.get("metaData").get("correlationId").asText(),
                    "issuedAt", event.get("metaData").get("issuedAt").asText());
            assertThat(meta.values()).allSatisfy(value -> assertThat(value).isNotBlank());
            assertThat(meta.get("userId")).isEqualTo(trader.userId());
        }
        assertThat(events.get(0).get("metaData").get("correlationId").asText())
                .isNotEqualTo(events.get(1).get("metaData").get("correlationId").asText());
    }

    @Test
    void healthReportsPostgresAndClickHouseUp() {
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/clickhouse/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/clickhouse/details/version").asText()).startsWith("26.");
    }

    @Test
    void aStrategyRebuiltFromASnapshotKeepsItsStateAndFullHistory() {
        String id = create("{\"name\":\"v0\",\"type\":\"MACD\",\"symbol\":\"BTCUSDT\"}");
        for (int i = 1; i <= 4; i++) {
            assertThat(send(HttpMethod.PUT, "/api/strategies/" + id + "/name", "{\"name\":\"v" + i + "\"}",
                    "\"" + (i - 1) + "\"").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        }
        assertThat(postgres.queryForObject("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?",
                Long.class, id)).isPositive();

        assertProblem(send(HttpMethod.PUT, "/api/strategies/" + id + "/name", "{\"name\":\"late\"}", "\"3\""),
                HttpStatus.CONFLICT);
        assertThat(send(HttpMethod.PUT, "/api/strategies/" + id + "/parameters",
                "{\"parameters\":{\"fast\":10}}", "\"4\"").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        JsonNode events = get("/api/strategies/" + id + "/events").getBody().get("events");
        assertThat(events).hasSize(6);
        assertThat(awaitVersion(id, 5).getBody().get("name").asText()).isEqualTo("v4");
    }

    @Test
    void prometheusExposesAxonsCommandBusMetrics() {
        create("{\"name\":\"m\",\"type\":\"BUY_AND_HOLD\",\"symbol\":\"BTCUSDT\"}");

        HttpHeaders admin = new HttpHeaders();
        admin.set(HttpHeaders.AUTHORIZATION, TestAccounts.login("http://127.0.0.1:" + port, StandaloneTest.ADMIN_EMAIL,
                StandaloneTest.ADMIN_PASSWORD).bearer());
        String metrics = http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(admin), String.class)
                .getBody();

        assertThat(metrics).contains("commandBus_allTimer_seconds_count{application=\"trendline\","
                + "payloadType=\"CreateStrategyCommand\"}");
    }

    @Test
    void theOpenApiDocumentDescribesTheStrategyEndpoints() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.at("/info/title").asText()).isEqualTo("Trendline API");
        assertThat(api.get("paths").has("/api/strategies/{id}/events")).isTrue();
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
