package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.subscription.UpgradeSubscriptionCommand;
import io.trendline.api.transaction.CreateTransactionCommand;
import io.trendline.saga.expiry.SubscriptionExpiry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each path of a premium purchase through the REST API, on the real stack, with the receipt read back by SMTP. */
class PurchaseApiTest extends PurchaseTestBase {

    private static final Duration SETTLES = Duration.ofSeconds(30);

    @Autowired
    CommandBus commandBus;
    @Autowired
    SchedulerClient scheduler;

    /** Purchases whose upgrade the subscription refuses: fault injection for the upgrade-failed compensation. */
    private final Set<String> refuseUpgradeOf = ConcurrentHashMap.newKeySet();
    private Registration faults;

    @AfterEach
    void removeFaults() {
        if (faults != null) {
            faults.cancel();
        }
    }

    private long ledger(String sql, TestAccounts.Session user) {
        return postgres.queryForObject(sql, Long.class, user.userId());
    }

    private long approvedCharges(TestAccounts.Session user) {
        return ledger("SELECT count(*) FROM simulated_payment_charge WHERE customer_id = ? AND approved", user);
    }

    private long refunds(TestAccounts.Session user) {
        return ledger("SELECT count(*) FROM simulated_payment_refund r JOIN simulated_payment_charge c"
                + " ON c.reference = r.charge_reference WHERE c.customer_id = ?", user);
    }

    private JsonNode onlyTransaction(TestAccounts.Session user) {
        JsonNode transactions = client.get(user, "/api/transactions").getBody().get("transactions");
        assertThat(transactions).hasSize(1);
        return transactions.get(0);
    }

    private JsonNode awaitTransaction(TestAccounts.Session user, String status) {
        Instant deadline = Instant.now().plus(SETTLES);
        while (true) {
            JsonNode transactions = client.get(user, "/api/transactions").getBody().get("transactions");
            if (transactions.size() == 1 && transactions.get(0).get("status").asText().equals(status)) {
                return transactions.get(0);
            }
            assertThat(Instant.now()).as("transaction of %s becoming %s", user.userId(), status).isBefore(deadline);
            sleep(50);
        }
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
    }

    @Test
    void anApprovedCardMakesThePlanPremiumAndMailsAndListsTheReceipt() throws Exception {
        // given
        TestAccounts.Session user = newUser("approve");

        // when
        String purchaseId = purchase(user, "key-1", APPROVE);
        JsonNode outcome = awaitOutcome(user, purchaseId, SETTLES);

        // then
        assertThat(outcome.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(outcome.get("receiptNumber").asText()).isEqualTo("R-" + purchaseId);
        JsonNode subscription = client.get(user, "/api/subscription").getBody();
        assertThat(subscription.get("plan").asText()).isEqualTo("PREMIUM");
        assertThat(subscription.get("validUntil").asText()).isEqualTo(outcome.get("validUntil").asText());
        JsonNode transaction = awaitTransaction(user, "EXECUTED");
        assertThat(transaction.get("transactionId").asText())
                .isEqualTo(CreateTransactionCommand.transactionIdOf(purchaseId));
        assertThat(transaction.get("amount").get("amount").decimalValue()).isEqualByComparingTo("9.99");
        assertThat(approvedCharges(user)).isEqualTo(1);

        Instant deadline = Instant.now().plus(SETTLES);
        MimeMessage mail;
        while ((mail = Arrays.stream(ReceiptMailForTests.get().getReceivedMessages())
                .filter(m -> recipientIs(m, user.email())).findFirst().orElse(null)) == null) {
            assertThat(Instant.now()).as("receipt mail to %s", user.email()).isBefore(deadline);
            sleep(50);
        }
        assertThat(mail.getSubject()).contains("R-" + purchaseId).contains("MONTHLY");
        assertThat(mail.getContent().toString()).contains("9.99 USD")
                .contains(transaction.get("processorReference").asText());
        JsonNode receipts = client.get(user, "/api/subscription/receipts").getBody().get("receipts");
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).get("receiptNumber").asText()).isEqualTo("R-" + purchaseId);
        assertThat(postgres.queryForObject("SELECT execution_time = ?::timestamptz FROM scheduled_tasks"
                        + " WHERE task_name = 'subscription-expiry' AND task_instance LIKE ?", Boolean.class,
                outcome.get("validUntil").asText(), "subscription-" + user.userId() + "@%"))
                .as("the expiry is scheduled at the end of the validity").isTrue();
    }

    @Test
    void thePlansOnOfferCarryTheServersPricesAndLengths() {
        // when
        JsonNode plans = client.get(newUser("plans"), "/api/subscription/plans").getBody().get("plans");

        // then: the configured defaults, and the price a purchase is charged (see the approved-card test)
        assertThat(plans).extracting(p -> p.get("plan").asText()).containsExactly("MONTHLY", "YEARLY");
        assertThat(plans.get(0).get("price").get("amount").decimalValue()).isEqualByComparingTo("9.99");
        assertThat(plans.get(0).get("price").get("currency").asText()).isEqualTo("USD");
        assertThat(plans.get(0).get("days").asLong()).isEqualTo(30);
        assertThat(plans.get(1).get("price").get("amount").decimalValue()).isEqualByComparingTo("99.00");
        assertThat(plans.get(1).get("days").asLong()).isEqualTo(365);
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return message.getAllRecipients()[0].toString().equals(address);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeclinedCardCancelsThePurchaseAndChargesNothing() {
        assertCancelled(DECLINE, "declined: card_declined", "FAILED");
    }

    @Test
    void insufficientFundsCancelThePurchaseAndChargeNothing() {
        assertCancelled(INSUFFICIENT_FUNDS, "declined: insufficient_funds", "FAILED");
    }

    @Test
    void aProcessorErrorCancelsThePurchaseAndChargesNothing() {
        assertCancelled(PROCESSOR_ERROR, "processor-error: processing_error", "FAILED");
    }

    @Test
    void noAnswerBeforeTheDeadlineCancelsThePurchaseAsTimedOut() {
        assertCancelled(NO_ANSWER, "payment-timeout", "FAILED");
    }

    @Test
    void thePaymentDeadlineIsStoredAsReadableJsonUntilItFires() {
        // given
        TestAccounts.Session user = newUser("deadline");

        // when
        String purchaseId = purchase(user, "key-1", NO_ANSWER);

        // then
        Instant deadline = Instant.now().plus(SETTLES);
        String stored;
        while ((stored = postgres.query("SELECT convert_from(task_data, 'UTF8') FROM scheduled_tasks"
                        + " WHERE task_name = 'AxonDeadline' AND position(? in convert_from(task_data, 'UTF8')) > 0",
                (row, i) -> row.getString(1), purchaseId).stream().findFirst().orElse(null)) == null) {
            assertThat(Instant.now()).as("deadline of %s scheduled", purchaseId).isBefore(deadline);
            sleep(20);
        }
        assertThat(stored).contains("payment-deadline").contains(CreateTransactionCommand.transactionIdOf(purchaseId));
        awaitOutcome(user, purchaseId, SETTLES);
        assertThat(postgres.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'"
                + " AND position(? in convert_from(task_data, 'UTF8')) > 0", Long.class, purchaseId)).isZero();
    }

    @Test
    void anExpiryThatRunsBeforeTheValidityEndsLeavesThePlanPremium() {
        // given
        TestAccounts.Session user = newUser("expiry");
        JsonNode outcome = awaitOutcome(user, purchase(user, "key-1", APPROVE), SETTLES);
        String task = SubscriptionExpiry.instanceId("subscription-" + user.userId(),
                Instant.parse(outcome.get("validUntil").asText()));

        // when
        assertThat(scheduler.reschedule(SubscriptionExpiry.TASK.instanceId(task), Instant.now())).isTrue();
        Instant deadline = Instant.now().plus(SETTLES);
        while (scheduler.getScheduledExecution(SubscriptionExpiry.TASK.instanceId(task)).isPresent()) {
            assertThat(Instant.now()).as("expiry task run").isBefore(deadline);
            sleep(100);
        }

        // then
        assertThat(client.get(user, "/api/subscription").getBody().get("plan").asText()).isEqualTo("PREMIUM");
        assertThat(postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND payloadtype LIKE '%SubscriptionDowngradedEvent'", Long.class, "subscription-" + user.userId())).isZero();
    }

    private void assertCancelled(String card, String reason, String transactionStatus) {
        // given
        TestAccounts.Session user = newUser("cancel");

        // when
        String purchaseId = purchase(user, "key-1", card);
        JsonNode outcome = awaitOutcome(user, purchaseId, SETTLES);

        // then
        assertThat(outcome.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(outcome.get("reason").asText()).isEqualTo(reason);
        assertThat(awaitTransaction(user, transactionStatus).get("reason").asText()).isEqualTo(reason);
        assertThat(client.get(user, "/api/subscription").getBody().get("plan").asText()).isEqualTo("FREE");
        assertThat(approvedCharges(user) - refunds(user)).as("money kept").isZero();
        assertThat(client.get(user, "/api/subscription/receipts").getBody().get("receipts")).isEmpty();
    }

    @Test
    void aRefusedUpgradeRefundsThePaymentAndCancelsThePurchase() {
        // given
        faults = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            CommandMessage<?> command = unitOfWork.getMessage();
            if (command.getPayload() instanceof UpgradeSubscriptionCommand upgrade
                    && refuseUpgradeOf.contains(upgrade.purchaseId())) {
                throw CommandRejectedException.conflict("subscription.suspended", "injected by the test");
            }
            return chain.proceed();
        });
        TestAccounts.Session user = newUser("refund");
        refuseUpgradeOf.add(PlatformIds.purchaseIdOf(user.userId(), "key-1"));

        // when
        String purchaseId = purchase(user, "key-1", APPROVE);
        JsonNode outcome = awaitOutcome(user, purchaseId, SETTLES);

        // then
        assertThat(outcome.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(outcome.get("reason").asText()).isEqualTo("upgrade-failed: subscription.suspended");
        assertThat(awaitTransaction(user, "REFUNDED").get("processorReference").asText()).startsWith("ch_");
        Instant deadline = Instant.now().plus(SETTLES);
        while (refunds(user) == 0) {
            assertThat(Instant.now()).as("refund at the processor").isBefore(deadline);
            sleep(50);
        }
        assertThat(approvedCharges(user)).isEqualTo(1);
        assertThat(refunds(user)).isEqualTo(1);
        assertThat(client.get(user, "/api/subscription").getBody().get("plan").asText()).isEqualTo("FREE");
    }

    @Test
    void aRepeatedRequestWithTheSameKeyIsTheSamePurchaseAndOneCharge() {
        // given
        TestAccounts.Session user = newUser("repeat");
        String first = purchase(user, "key-1", APPROVE);

        // when
        String second = purchase(user, "key-1", APPROVE);
        awaitOutcome(user, first, SETTLES);
        String third = purchase(user, "key-1", APPROVE);

        // then
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(onlyTransaction(user).get("status").asText()).isEqualTo("EXECUTED");
        assertThat(approvedCharges(user)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherPlanIsAConflict() {
        // given
        TestAccounts.Session user = newUser("reuse");
        purchase(user, "key-1", APPROVE);

        // when
        ResponseEntity<JsonNode> reused = client.purchase(user, "key-1", "YEARLY", APPROVE);

        // then
        assertProblem(reused, 409);
        assertThat(reused.getBody().get("code").asText()).isEqualTo("subscription.idempotency-key-reused");
    }

    @Test
    void badPurchaseRequestsAreProblems() {
        TestAccounts.Session user = newUser("bad");
        assertProblem(client.purchase(user, null, "MONTHLY", APPROVE), 400);
        assertProblem(client.purchase(user, "key with spaces", "MONTHLY", APPROVE), 400);
        assertProblem(client.purchase(user, "key-1", "WEEKLY", APPROVE), 400);
        assertProblem(client.purchase(user, "key-1", "MONTHLY", ""), 400);
        assertProblem(client.post(user, "/api/subscription/purchases", "{\"plan\":", Map.of("Idempotency-Key", "k")),
                400);
    }

    @Test
    void aPurchaseIsVisibleToItsBuyerOnly() {
        // given
        TestAccounts.Session buyer = newUser("buyer");
        String purchaseId = purchase(buyer, "key-1", DECLINE);
        awaitOutcome(buyer, purchaseId, SETTLES);

        // when
        ResponseEntity<JsonNode> someoneElse = client.get(newUser("other"), "/api/subscription/purchases/" + purchaseId);

        // then
        assertProblem(someoneElse, 404);
        assertProblem(client.get(buyer, "/api/subscription/purchases/nope"), 404);
    }
}
