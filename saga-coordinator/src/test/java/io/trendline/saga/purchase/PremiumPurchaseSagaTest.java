package io.trendline.saga.purchase;

import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.common.Money;
import io.trendline.api.subscription.CancelPremiumPurchaseCommand;
import io.trendline.api.subscription.CompletePremiumPurchaseCommand;
import io.trendline.api.subscription.PremiumPlan;
import io.trendline.api.subscription.PremiumPurchaseCancelledEvent;
import io.trendline.api.subscription.PremiumPurchaseCompletedEvent;
import io.trendline.api.subscription.PremiumPurchaseRequestedEvent;
import io.trendline.api.subscription.SubscriptionUpgradedEvent;
import io.trendline.api.subscription.UpgradeSubscriptionCommand;
import io.trendline.api.transaction.CreateTransactionCommand;
import io.trendline.api.transaction.FailTransactionCommand;
import io.trendline.api.transaction.RefundTransactionCommand;
import io.trendline.api.transaction.TransactionExecutedEvent;
import io.trendline.api.transaction.TransactionFailedEvent;
import io.trendline.api.transaction.TransactionRefundedEvent;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PremiumPurchaseSagaTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SUBSCRIPTION = "subscription-alice";
    private static final String PURCHASE = "purchase-1";
    private static final String TRANSACTION = "transaction-purchase-1";
    private static final Money PRICE = Money.of("9.99", "USD");
    private static final String CARD = "4242424242424242";

    private SagaTestFixture<PremiumPurchaseSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PremiumPurchaseSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.registerResource(new PurchaseSettings(TIMEOUT, 1, 1));
        fixture.givenCurrentTime(NOW);
    }

    private static PremiumPurchaseRequestedEvent requested(Instant premiumUntil) {
        return new PremiumPurchaseRequestedEvent(SUBSCRIPTION, "alice", PURCHASE, PremiumPlan.MONTHLY, PRICE, "key-1",
                CARD, premiumUntil);
    }

    private static PremiumPurchaseRequestedEvent requested() {
        return requested(null);
    }

    private static TransactionExecutedEvent executed() {
        return new TransactionExecutedEvent(TRANSACTION, PURCHASE, PRICE, "ch_1");
    }

    private static TransactionFailedEvent failed(String reason) {
        return new TransactionFailedEvent(TRANSACTION, PURCHASE, reason);
    }

    private static SubscriptionUpgradedEvent upgraded() {
        return new SubscriptionUpgradedEvent(SUBSCRIPTION, "alice", PURCHASE, PremiumPlan.MONTHLY,
                NOW.plus(Duration.ofDays(30)));
    }

    private static PremiumPurchaseCancelledEvent cancelled(String reason) {
        return new PremiumPurchaseCancelledEvent(SUBSCRIPTION, "alice", PURCHASE, reason);
    }

    private static CancelPremiumPurchaseCommand cancel(String reason) {
        return new CancelPremiumPurchaseCommand(SUBSCRIPTION, PURCHASE, reason);
    }

    private void refuse(Class<?> commandType, String code) {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (commandType.isInstance(command)) {
                throw CommandRejectedException.conflict(code, "refused in the test");
            }
            return null;
        });
    }

    @Test
    void aRequestedPurchaseCreatesItsTransactionAndSchedulesThePaymentDeadline() {
        // given
        fixture.givenNoPriorActivity()
                // when
                .whenPublishingA(requested())
                // then
                .expectActiveSagas(1)
                .expectAssociationWith("purchaseId", PURCHASE)
                .expectDispatchedCommands(new CreateTransactionCommand(TRANSACTION, PURCHASE, "alice", PRICE, "key-1",
                        CARD))
                .expectScheduledDeadlineWithName(TIMEOUT, PremiumPurchaseSaga.PAYMENT_DEADLINE);
    }

    @Test
    void aRedeliveredRequestSendsNothingTwice() {
        // given
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(requested())
                // then
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void anExecutedPaymentUpgradesForThePlansDurationAndCancelsTheDeadline() {
        // given
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(executed())
                // then
                .expectDispatchedCommands(new UpgradeSubscriptionCommand(SUBSCRIPTION, PURCHASE,
                        NOW.plus(Duration.ofDays(30))))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRenewalExtendsTheValidityTheSubscriptionHadWhenRequested() {
        // given
        Instant current = NOW.plus(Duration.ofDays(3));
        fixture.givenAPublished(requested(current))
                // when
                .whenPublishingA(executed())
                // then
                .expectDispatchedCommands(new UpgradeSubscriptionCommand(SUBSCRIPTION, PURCHASE,
                        current.plus(Duration.ofDays(30))));
    }

    @Test
    void anUpgradeCompletesThePurchaseWithItsReceipt() {
        // given
        fixture.givenAPublished(requested()).andThenAPublished(executed())
                // when
                .whenPublishingA(upgraded())
                // then
                .expectDispatchedCommands(new CompletePremiumPurchaseCommand(SUBSCRIPTION, PURCHASE, TRANSACTION,
                        "ch_1", "R-" + PURCHASE))
                .expectActiveSagas(1);
    }

    @Test
    void theCompletedPurchaseEndsTheSaga() {
        // given
        fixture.givenAPublished(requested()).andThenAPublished(executed()).andThenAPublished(upgraded())
                // when
                .whenPublishingA(new PremiumPurchaseCompletedEvent(SUBSCRIPTION, "alice", PURCHASE,
                        PremiumPlan.MONTHLY, PRICE, NOW.plus(Duration.ofDays(30)), TRANSACTION, "ch_1", "R-" + PURCHASE))
                // then
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aDeclinedCardCancelsThePurchaseWithTheReason() {
        // given
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(failed("declined: card_declined"))
                // then
                .expectDispatchedCommands(cancel("declined: card_declined"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void insufficientFundsCancelThePurchaseWithTheReason() {
        // given
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(failed("declined: insufficient_funds"))
                // then
                .expectDispatchedCommands(cancel("declined: insufficient_funds"));
    }

    @Test
    void aProcessorErrorCancelsThePurchaseWithTheReason() {
        // given
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(failed("processor-error: processing_error"))
                // then
                .expectDispatchedCommands(cancel("processor-error: processing_error"));
    }

    @Test
    void theCancellationAfterAFailedPaymentEndsTheSagaWithoutTouchingTheTransaction() {
        // given
        fixture.givenAPublished(requested()).andThenAPublished(failed("declined: card_declined"))
                // when
                .whenPublishingA(cancelled("declined: card_declined"))
                // then
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRefusedUpgradeRefundsThePayment() {
        // given
        refuse(UpgradeSubscriptionCommand.class, "subscription.validity-not-extended");
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(executed())
                // then
                .expectDispatchedCommands(
                        new UpgradeSubscriptionCommand(SUBSCRIPTION, PURCHASE, NOW.plus(Duration.ofDays(30))),
                        new RefundTransactionCommand(TRANSACTION, "upgrade-failed: subscription.validity-not-extended"));
    }

    @Test
    void theRefundCancelsThePurchaseAndTheCancellationEndsTheSaga() {
        // given
        refuse(UpgradeSubscriptionCommand.class, "subscription.validity-not-extended");
        String reason = "upgrade-failed: subscription.validity-not-extended";
        fixture.givenAPublished(requested()).andThenAPublished(executed())
                .andThenAPublished(new TransactionRefundedEvent(TRANSACTION, PURCHASE, PRICE, "ch_1", reason))
                // when
                .whenPublishingA(cancelled(reason))
                // then
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRefundedPaymentCancelsThePurchase() {
        // given
        refuse(UpgradeSubscriptionCommand.class, "subscription.validity-not-extended");
        String reason = "upgrade-failed: subscription.validity-not-extended";
        fixture.givenAPublished(requested()).andThenAPublished(executed())
                // when
                .whenPublishingA(new TransactionRefundedEvent(TRANSACTION, PURCHASE, PRICE, "ch_1", reason))
                // then
                .expectDispatchedCommands(cancel(reason));
    }

    @Test
    void noAnswerBeforeTheDeadlineFailsThePaymentAsTimedOut() {
        // given
        fixture.givenAPublished(requested())
                // when
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                // then
                .expectTriggeredDeadlinesWithName(PremiumPurchaseSaga.PAYMENT_DEADLINE)
                .expectDispatchedCommands(new FailTransactionCommand(TRANSACTION, "payment-timeout"));
    }

    @Test
    void theTimedOutPaymentCancelsThePurchase() {
        // given
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(failed("payment-timeout"))
                // then
                .expectDispatchedCommands(cancel("payment-timeout"));
    }

    @Test
    void aPaymentThatArrivedJustBeforeTheTimeoutFailsIsKept() {
        // given
        refuse(FailTransactionCommand.class, "transaction.already-executed");
        fixture.givenAPublished(requested())
                // when
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                // then
                .expectDispatchedCommands(new FailTransactionCommand(TRANSACTION, "payment-timeout"))
                .expectActiveSagas(1);
    }

    @Test
    void aRefusedTransactionCancelsThePurchase() {
        // given
        refuse(CreateTransactionCommand.class, "transaction.invalid-amount");
        fixture.givenNoPriorActivity()
                // when
                .whenPublishingA(requested())
                // then
                .expectDispatchedCommands(
                        new CreateTransactionCommand(TRANSACTION, PURCHASE, "alice", PRICE, "key-1", CARD),
                        cancel("payment-refused: transaction.invalid-amount"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPurchaseCancelledElsewhereWhilePayingFailsThePaymentAndEnds() {
        // given
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(cancelled("withdrawn by support"))
                // then
                .expectDispatchedCommands(new FailTransactionCommand(TRANSACTION,
                        "purchase-cancelled: withdrawn by support"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPurchaseCancelledElsewhereAfterThePaymentRefundsIt() {
        // given
        refuse(UpgradeSubscriptionCommand.class, "subscription.purchase-not-pending");
        fixture.givenAPublished(requested()).andThenAPublished(executed())
                // when
                .whenPublishingA(cancelled("withdrawn by support"))
                // then
                .expectDispatchedCommands(new RefundTransactionCommand(TRANSACTION,
                        "purchase-cancelled: withdrawn by support"))
                .expectActiveSagas(0);
    }

    @Test
    void aPurchaseCancelledWhileItsPaymentWasLandingRefundsIt() {
        // given
        refuse(FailTransactionCommand.class, "transaction.already-executed");
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(cancelled("withdrawn by support"))
                // then
                .expectDispatchedCommands(
                        new FailTransactionCommand(TRANSACTION, "purchase-cancelled: withdrawn by support"),
                        new RefundTransactionCommand(TRANSACTION, "purchase-cancelled: withdrawn by support"))
                .expectActiveSagas(0);
    }

    @Test
    void anUpgradeAlreadyRecordedIsNotRefunded() {
        // given
        refuse(UpgradeSubscriptionCommand.class, "subscription.purchase-not-pending");
        fixture.givenAPublished(requested())
                // when
                .whenPublishingA(executed())
                // then
                .expectDispatchedCommands(
                        new UpgradeSubscriptionCommand(SUBSCRIPTION, PURCHASE, NOW.plus(Duration.ofDays(30))))
                .expectActiveSagas(1);
    }
}
