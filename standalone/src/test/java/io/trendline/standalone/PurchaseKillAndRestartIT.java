package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged platform killed with SIGKILL while a purchase's charge is in flight (the slow test card), then started
 * again on the same data: the purchase is completed or compensated, never left pending, and the money matches.
 */
class PurchaseKillAndRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLOW_CARD = "4000000000000051";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();
    /** PostgreSQL, Kafka broker, Kafka controller and ClickHouse: fixed across the restart, as a user's would be. */
    private final int[] enginePorts = {freePort(), freePort(), freePort(), freePort()};

    @TempDir
    Path data;

    private String token;

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aPurchaseInFlightWhenTheProcessIsKilledIsCompletedOrCompensatedAfterTheRestart() throws Exception {
        // given
        int port = freePort();
        Process first = start(port, "first");
        token = TestAccounts.registerAndLogin("http://127.0.0.1:" + port, "buyer").bearer();
        String purchaseId = purchase(port);
        awaitTransactionPending(port);
        Thread.sleep(1000); // well inside the slow card's 8 s: the charge is under way

        // when
        first.destroyForcibly().waitFor();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        start(port, "second");

        // then
        JsonNode outcome = awaitSettled(port, purchaseId);
        JsonNode transaction = get(port, "/api/transactions").get("transactions").get(0);
        String plan = get(port, "/api/subscription").get("plan").asText();
        boolean completed = outcome.get("status").asText().equals("COMPLETED");
        System.out.println("purchase after the restart: " + outcome);
        if (completed) {
            assertThat(transaction.get("status").asText()).isEqualTo("EXECUTED");
            assertThat(plan).isEqualTo("PREMIUM");
        } else {
            assertThat(outcome.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(transaction.get("status").asText()).isIn("FAILED", "REFUNDED");
            assertThat(plan).isEqualTo("FREE");
        }
        try (Connection postgres = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + enginePorts[0] + "/trendline", "trendline", "trendline")) {
            long charged = count(postgres, "SELECT count(*) FROM simulated_payment_charge WHERE approved");
            long refunded = count(postgres, "SELECT count(*) FROM simulated_payment_refund");
            assertThat(charged).as("one charge, whatever was retried").isLessThanOrEqualTo(1);
            assertThat(charged - refunded).isEqualTo(completed ? 1 : 0);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (count(postgres, "SELECT count(*) FROM sagaentry") > 0
                    || count(postgres, "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'") > 0) {
                assertThat(Instant.now()).as("saga and its deadline closed").isBefore(deadline);
                Thread.sleep(200);
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String purchase(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/api/subscription/purchases"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "kill-test")
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"plan\":\"MONTHLY\",\"cardToken\":\"" + SLOW_CARD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("purchaseId").asText();
    }

    private void awaitTransactionPending(int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonNode transactions = get(port, "/api/transactions").get("transactions");
            if (transactions.size() == 1 && transactions.get(0).get("status").asText().equals("PENDING")) {
                return;
            }
            assertThat(Instant.now()).as("transaction created").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private JsonNode awaitSettled(int port, String purchaseId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    uri(port, "/api/subscription/purchases/" + purchaseId)).header("Authorization", token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode purchase = JSON.readTree(response.body());
                if (!purchase.get("status").asText().equals("PENDING")) {
                    return purchase;
                }
            }
            assertThat(Instant.now()).as("purchase %s settled after the restart", purchaseId).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private Process start(int port, String name) throws IOException, InterruptedException {
        String jar = System.getProperty("trendline.jar");
        assertThat(Path.of(jar)).exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Daxoniq.update-checker.disabled=true", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile());
        builder.environment().put("TRENDLINE_DATA_DIR", data.resolve("stack").toString());
        builder.environment().put("TRENDLINE_PORT", Integer.toString(port));
        builder.environment().put("TRENDLINE_POSTGRES_PORT", Integer.toString(enginePorts[0]));
        builder.environment().put("TRENDLINE_KAFKA_PORT", Integer.toString(enginePorts[1]));
        builder.environment().put("TRENDLINE_KAFKA_CONTROLLER_PORT", Integer.toString(enginePorts[2]));
        builder.environment().put("TRENDLINE_CLICKHOUSE_PORT", Integer.toString(enginePorts[3]));
        builder.environment().put("TRENDLINE_PAYMENT_SLOW_LATENCY", "8s");
        builder.environment().put("TRENDLINE_PURCHASE_PAYMENT_TIMEOUT", "120s");
        builder.environment().remove("TRENDLINE_SMTP_HOST");
        Process process = builder.start();
        started.add(process);
        awaitHealthy(port, process, name);
        return process;
    }

    private void awaitHealthy(int port, Process process, String name) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("%s run alive; see %s", name, data.resolve(name + ".log")).isTrue();
            try {
                if (get(port, "/actuator/health").get("status").asText().equals("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " run not healthy within 120 s; see " + data.resolve(name + ".log")
                + ":\n" + Files.readString(data.resolve(name + ".log")));
    }

    private JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", token);
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
