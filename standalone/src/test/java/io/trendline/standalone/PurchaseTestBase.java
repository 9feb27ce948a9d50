package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every purchase test needs: test cards, users that can buy, and waiting for a purchase to settle. */
@StandaloneTest
abstract class PurchaseTestBase {

    static final String APPROVE = "4242424242424242";
    static final String DECLINE = "4000000000000002";
    static final String INSUFFICIENT_FUNDS = "4000000000009995";
    static final String PROCESSOR_ERROR = "4000000000000119";
    static final String SLOW = "4000000000000051";
    static final String NO_ANSWER = "4000000000000044";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;

    PlatformClient client;

    @BeforeEach
    void client() {
        client = new PlatformClient(http);
    }

    /** A registered, logged-in trader; registration started the user's subscription on the free plan. */
    TestAccounts.Session newUser(String prefix) {
        return TestAccounts.registerAndLogin("http://127.0.0.1:" + port, prefix);
    }

    String purchase(TestAccounts.Session user, String key, String card) {
        ResponseEntity<JsonNode> accepted = client.purchase(user, key, "MONTHLY", card);
        assertThat(accepted.getStatusCode().value()).as("purchase answer %s", accepted.getBody()).isEqualTo(202);
        String id = accepted.getBody().get("purchaseId").asText();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/subscription/purchases/" + id);
        return id;
    }

    /** Polls the purchase until it is no longer pending. */
    JsonNode awaitOutcome(TestAccounts.Session user, String purchaseId, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            ResponseEntity<JsonNode> shown = client.get(user, "/api/subscription/purchases/" + purchaseId);
            if (shown.getStatusCode().is2xxSuccessful() && !shown.getBody().get("status").asText().equals("PENDING")) {
                return shown.getBody();
            }
            assertThat(Instant.now()).as("purchase %s settled", purchaseId).isBefore(deadline);
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
