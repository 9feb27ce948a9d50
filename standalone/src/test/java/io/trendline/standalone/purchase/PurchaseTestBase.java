package io.trendline.standalone.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.trendline.api.common.AuditMetaData;
import io.trendline.api.subscription.StartSubscriptionCommand;
import io.trendline.standalone.LocalStackForTests;
import io.trendline.standalone.TrendlineStandaloneApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on the local stack with a real SMTP server (GreenMail) in the JVM, short payment timings, and
 * test users. Every purchase test extends this class, so they share one application context.
 */
@SpringBootTest(classes = TrendlineStandaloneApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "trendline.purchase.payment-timeout=4s",
        "trendline.payment.latency=10ms",
        "trendline.payment.slow-latency=1500ms",
        "trendline.payment.no-answer-wait=2s",
        "trendline.dead-letters.retry-every=2s",
        "trendline.local-user.subscription=false"})
@Import(ActingUsers.class)
abstract class PurchaseTestBase {

    static final String APPROVE = "4242424242424242";
    static final String DECLINE = "4000000000000002";
    static final String INSUFFICIENT_FUNDS = "4000000000009995";
    static final String PROCESSOR_ERROR = "4000000000000119";
    static final String SLOW = "4000000000000051";
    static final String NO_ANSWER = "4000000000000044";

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
        Runtime.getRuntime().addShutdownHook(new Thread(MAIL::stop, "greenmail-shutdown"));
    }

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        LocalStackForTests.register(registry);
        registry.add("trendline.smtp.host", () -> "127.0.0.1");
        registry.add("trendline.smtp.port", () -> MAIL.getSmtp().getPort());
    }

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

    /** A user with a subscription on the free plan, as registration will leave one. */
    String newUser(String prefix) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(StartSubscriptionCommand.forUser(user))
                .andMetaData(MetaData.with(AuditMetaData.USER_ID, AuditMetaData.SYSTEM_USER)));
        return user;
    }

    String purchase(String user, String key, String card) {
        ResponseEntity<JsonNode> accepted = client.purchase(user, key, "MONTHLY", card);
        assertThat(accepted.getStatusCode().value()).as("purchase answer %s", accepted.getBody()).isEqualTo(202);
        String id = accepted.getBody().get("purchaseId").asText();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/subscription/purchases/" + id);
        return id;
    }

    /** Polls the purchase until it is no longer pending. */
    JsonNode awaitOutcome(String user, String purchaseId, Duration limit) {
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
