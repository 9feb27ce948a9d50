package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged platform killed with SIGKILL while purchases are in flight (one of them being charged with the slow
 * test card at that moment), then started again on the same data: every purchase is completed or compensated, never
 * left pending, nobody is charged twice and the money matches each outcome.
 */
class PurchaseKillAndRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLOW_CARD = "4000000000000051";
    private static final String APPROVE = "4242424242424242";
    private static final String DECLINE = "4000000000000002";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    private record Buyer(TestAccounts.Session session, String card, String purchaseId) {
    }

    private PackagedPlatform platform;

    @BeforeEach
    void platform() {
        platform = new PackagedPlatform(data)
                .withEnvironment("TRENDLINE_PAYMENT_SLOW_LATENCY", "8s")
                .withEnvironment("TRENDLINE_PURCHASE_PAYMENT_TIMEOUT", "120s")
                .withEnvironment("LOGGING_LEVEL_IO_TRENDLINE_SAGA_PAYMENT", "DEBUG")
                .withEnvironment("TRENDLINE_SMTP_HOST", null);
    }

    @AfterEach
    void stopAll() {
        platform.close();
    }

    @Test
    void purchasesInFlightWhenTheProcessIsKilledAreCompletedOrCompensatedAfterTheRestart() throws Exception {
        // given
        int port = platform.port();
        Process first = platform.start("first");
        List<TestAccounts.Session> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sessions.add(TestAccounts.registerAndLogin("http://127.0.0.1:" + port, "buyer"));
        }
        List<Buyer> buyers = new ArrayList<>();
        List<String> cards = List.of(SLOW_CARD, APPROVE, DECLINE);
        for (int i = 0; i < cards.size(); i++) {
            buyers.add(new Buyer(sessions.get(i), cards.get(i), purchase(port, sessions.get(i), cards.get(i))));
        }
        awaitLogLine("first", "charge charge:transaction-" + buyers.get(0).purchaseId() + " sent to the processor");

        // when: inside the slow card's 8 s, so its charge is under way
        platform.kill(first);
        platform.start("second");

        // then
        try (Connection postgres = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + platform.postgresPort() + "/trendline", "trendline", "trendline")) {
            for (Buyer buyer : buyers) {
                assertSettledAndPaidFor(port, postgres, buyer);
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (count(postgres, "SELECT count(*) FROM sagaentry") > 0
                    || count(postgres, "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'") > 0) {
                assertThat(Instant.now()).as("sagas and their deadlines closed").isBefore(deadline);
                Thread.sleep(200);
            }
        }
    }

    private void assertSettledAndPaidFor(int port, Connection postgres, Buyer buyer) throws Exception {
        JsonNode outcome = awaitSettled(port, buyer);
        String token = buyer.session().bearer();
        JsonNode transaction = get(port, "/api/transactions", token).get("transactions").get(0);
        String plan = get(port, "/api/subscription", token).get("plan").asText();
        boolean completed = outcome.get("status").asText().equals("COMPLETED");
        System.out.println("purchase with card " + buyer.card() + " after the restart: " + outcome);
        if (completed) {
            assertThat(buyer.card()).as("a declined card never completes a purchase").isNotEqualTo(DECLINE);
            assertThat(transaction.get("status").asText()).isEqualTo("EXECUTED");
            assertThat(plan).isEqualTo("PREMIUM");
        } else {
            assertThat(outcome.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(transaction.get("status").asText()).isIn("FAILED", "REFUNDED");
            assertThat(plan).isEqualTo("FREE");
        }
        String customer = " WHERE c.customer_id = '" + buyer.session().userId() + "'";
        long charged = count(postgres, "SELECT count(*) FROM simulated_payment_charge c" + customer
                + " AND c.approved");
        long refunded = count(postgres, "SELECT count(*) FROM simulated_payment_refund r"
                + " JOIN simulated_payment_charge c ON c.reference = r.charge_reference" + customer);
        assertThat(charged).as("one charge for %s, whatever was retried", buyer.card()).isLessThanOrEqualTo(1);
        assertThat(charged - refunded).as("money kept for %s", buyer.card()).isEqualTo(completed ? 1 : 0);
    }

    /** The platform's own log says when something happened inside it; polled, as the process writes it. */
    private void awaitLogLine(String run, String line) throws IOException, InterruptedException {
        Path log = platform.log(run);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.readString(log).contains(line)) {
            assertThat(Instant.now()).as("'%s' in %s", line, log).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String purchase(int port, TestAccounts.Session buyer, String card)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/api/subscription/purchases"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "kill-test")
                .header("Authorization", buyer.bearer())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"plan\":\"MONTHLY\",\"cardToken\":\"" + card + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("purchaseId").asText();
    }

    private JsonNode awaitSettled(int port, Buyer buyer) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    uri(port, "/api/subscription/purchases/" + buyer.purchaseId()))
                            .header("Authorization", buyer.session().bearer()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode purchase = JSON.readTree(response.body());
                if (!purchase.get("status").asText().equals("PENDING")) {
                    return purchase;
                }
            }
            assertThat(Instant.now()).as("purchase %s settled after the restart", buyer.purchaseId()).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private JsonNode get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", token);
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

}
