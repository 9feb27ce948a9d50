package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * 200 purchase requests at once against the running platform, with a mix of test cards and 30 requests repeated
 * with the same idempotency key. Every purchase must end completed or compensated, the money must add up, nobody
 * may be charged twice and no saga or deadline may be left behind. With {@code -Dtrendline.bench.purchases=FILE}
 * only fast-answering cards are used, none repeated, and the throughput is written to FILE ({@code bench/purchases.sh}).
 */
class ConcurrentPurchasesTest extends PurchaseTestBase {

    private static final int REQUESTS = 200;
    private static final int REPEATED = 30;
    private static final List<String> MIX = List.of(APPROVE, APPROVE, APPROVE, APPROVE, APPROVE, APPROVE, DECLINE,
            DECLINE, INSUFFICIENT_FUNDS, INSUFFICIENT_FUNDS, PROCESSOR_ERROR, NO_ANSWER, SLOW, SLOW, APPROVE, APPROVE,
            APPROVE, DECLINE, INSUFFICIENT_FUNDS, SLOW);
    private static final List<String> FAST_MIX = List.of(APPROVE, APPROVE, APPROVE, APPROVE, APPROVE, APPROVE,
            APPROVE, DECLINE, INSUFFICIENT_FUNDS, PROCESSOR_ERROR);

    /** Cards whose payment never succeeds: their purchases must be compensated whatever the timing. */
    private static final Set<String> NEVER_PAID = Set.of(DECLINE, INSUFFICIENT_FUNDS, PROCESSOR_ERROR, NO_ANSWER);

    private record Request(TestAccounts.Session user, String key, String card) {
    }

    @Test
    void everyConcurrentPurchaseEndsCompletedOrCompensatedAndTheMoneyAddsUp() throws Exception {
        // given
        String benchFile = System.getProperty("trendline.bench.purchases");
        boolean bench = benchFile != null && !benchFile.isBlank();
        int repeated = bench ? 0 : REPEATED;
        List<String> mix = bench ? FAST_MIX : MIX;
        List<Request> requests = new ArrayList<>();
        for (int i = 0; requests.size() < REQUESTS; i++) {
            Request request = new Request(newUser("load" + i), "key-" + i, mix.get(i % mix.size()));
            requests.add(request);
            if (i < repeated) {
                requests.add(request);
            }
        }
        List<TestAccounts.Session> sessions = requests.stream().map(Request::user).distinct().toList();
        List<String> users = sessions.stream().map(TestAccounts.Session::userId).toList();
        Map<String, String> cardOf = new HashMap<>();
        requests.forEach(request -> cardOf.put(request.user().userId(), request.card()));

        // when
        Instant start = Instant.now();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        List<Future<String>> answers = new ArrayList<>();
        for (Request request : requests) {
            answers.add(senders.submit((Callable<String>) () -> {
                ResponseEntity<JsonNode> accepted = client.purchase(request.user(), request.key(), "MONTHLY",
                        request.card());
                assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
                return accepted.getBody().get("purchaseId").asText();
            }));
        }
        Map<String, String> purchaseOf = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            String id = answers.get(i).get();
            String earlier = purchaseOf.putIfAbsent(requests.get(i).user().userId(), id);
            assertThat(earlier == null || earlier.equals(id)).as("a repeated key names the first purchase").isTrue();
        }
        senders.shutdown();
        Map<String, String> statusOf = new HashMap<>();
        for (TestAccounts.Session session : sessions) {
            statusOf.put(session.userId(), awaitOutcome(session, purchaseOf.get(session.userId()),
                    Duration.ofSeconds(120)).get("status").asText());
        }
        Duration took = Duration.between(start, Instant.now());

        // then
        assertThat(statusOf.values()).allMatch(status -> status.equals("COMPLETED") || status.equals("CANCELLED"));
        for (String user : users) {
            if (NEVER_PAID.contains(cardOf.get(user))) {
                assertThat(statusOf.get(user)).as("purchase of %s with card %s", user, cardOf.get(user))
                        .isEqualTo("CANCELLED");
            }
        }
        long completed = statusOf.values().stream().filter("COMPLETED"::equals).count();
        assertThat(completed).as("purchases with a paying card that completed").isPositive();
        NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(postgres);
        var byUser = new MapSqlParameterSource("users", users);
        // A charge the processor approves after its payment deadline is voided when that answer comes, which can be
        // after the purchase shows CANCELLED: the money must add up once every charge in flight has been answered.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Long> net = new HashMap<>();
            sql.query("""
                    SELECT c.customer_id, count(*) FILTER (WHERE c.approved) AS charged,
                           count(r.reference) AS refunded
                    FROM simulated_payment_charge c
                    LEFT JOIN simulated_payment_refund r ON r.charge_reference = c.reference
                    WHERE c.customer_id IN (:users) GROUP BY c.customer_id""", byUser, row -> {
                assertThat(row.getLong("charged")).as("charges of %s", row.getString(1)).isLessThanOrEqualTo(1);
                net.put(row.getString(1), row.getLong("charged") - row.getLong("refunded"));
            });
            for (String user : users) {
                assertThat(net.getOrDefault(user, 0L)).as("money kept from %s, whose purchase is %s", user,
                        statusOf.get(user)).isEqualTo(statusOf.get(user).equals("COMPLETED") ? 1 : 0);
            }
        });
        var aggregates = new MapSqlParameterSource("ids", users.stream().flatMap(user -> java.util.stream.Stream.of(
                "subscription-" + user, "transaction-" + purchaseOf.get(user))).toList());
        Map<String, Long> events = new HashMap<>();
        sql.query("SELECT payloadtype, count(*) FROM domainevententry WHERE aggregateidentifier IN (:ids)"
                + " GROUP BY payloadtype", aggregates, row -> {
            events.put(row.getString(1).substring(row.getString(1).lastIndexOf('.') + 1), row.getLong(2));
        });
        assertThat(events.getOrDefault("TransactionCreatedEvent", 0L)).as("one transaction per purchase")
                .isEqualTo(users.size());
        assertThat(events.getOrDefault("TransactionExecutedEvent", 0L)
                - events.getOrDefault("TransactionRefundedEvent", 0L))
                .as("executed payments minus refunds").isEqualTo(events.getOrDefault("SubscriptionUpgradedEvent", 0L))
                .isEqualTo(completed);
        awaitNoOpenSagaOrDeadline();

        if (bench) {
            double perSecond = users.size() / (took.toMillis() / 1000.0);
            Files.writeString(Path.of(benchFile), String.format("purchases %.1f sagas/s%n", perSecond));
        }
    }

    private void awaitNoOpenSagaOrDeadline() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Long sagas = postgres.queryForObject(
                    "SELECT count(*) FROM sagaentry WHERE sagatype LIKE '%PremiumPurchaseSaga'", Long.class);
            Long deadlines = postgres.queryForObject(
                    "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Long.class);
            if (sagas == 0 && deadlines == 0) {
                return;
            }
            assertThat(Instant.now()).as("%d sagas and %d deadlines still open", sagas, deadlines)
                    .isBefore(deadline);
            sleep(100);
        }
    }
}
