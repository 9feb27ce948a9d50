package io.trendline.saga.purchase;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.trendline.api.common.Money;
import io.trendline.api.common.Rejection;
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
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One premium purchase from request to completion or full compensation, associated by {@code purchaseId} (every
 * subscription and transaction event carries it). Commands are sent and awaited, so a refusal is answered in the same
 * handler; a refusal that means "already done" (a redelivered step in the distributed mode) is taken as done, and the
 * event that records the step drives the saga on. Any other failure propagates and the event is retried.
 *
 * <pre>
 * requested ──▶ create transaction, payment deadline
 *   executed ──▶ upgrade ──▶ upgraded ──▶ complete (receipt) ──▶ completed: end
 *            └─ upgrade refused ──▶ refund ──▶ refunded ──▶ cancel ──▶ cancelled: end
 *   failed (declined, error, deadline) ──▶ cancel ──▶ cancelled: end
 *   cancelled from elsewhere ──▶ fail or refund the transaction: end
 * </pre>
 */
@Saga
@ProcessingGroup(PremiumPurchaseSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class PremiumPurchaseSaga {

    public static final String PROCESSING_GROUP = "premium-purchase-saga";
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String TIMEOUT_REASON = "payment-timeout";
    private static final Logger log = LoggerFactory.getLogger(PremiumPurchaseSaga.class);

    private String purchaseId;
    private String subscriptionId;
    private String transactionId;
    private PremiumPlan plan;
    private Money price;
    private Instant premiumValidUntil;
    private String paymentDeadlineId;
    private String processorReference;
    private boolean paid;
    private boolean paymentFailed;
    private boolean refundRequested;

    @StartSaga
    @SagaEventHandler(associationProperty = "purchaseId")
    void on(PremiumPurchaseRequestedEvent event, CommandGateway commands, DeadlineManager deadlines,
            PurchaseSettings settings) {
        if (transactionId != null) {
            return; // a redelivered request finds its saga started: nothing is sent twice
        }
        purchaseId = event.purchaseId();
        subscriptionId = event.subscriptionId();
        transactionId = CreateTransactionCommand.transactionIdOf(purchaseId);
        plan = event.plan();
        price = event.price();
        premiumValidUntil = event.premiumValidUntil();
        paymentDeadlineId = deadlines.schedule(settings.paymentTimeout(), PAYMENT_DEADLINE,
                new PaymentDeadline(purchaseId, transactionId));
        send(commands, new CreateTransactionCommand(transactionId, purchaseId, event.userId(), price,
                event.idempotencyKey(), event.cardToken()))
                .ifPresent(refusal -> {
                    deadlines.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
                    paymentFailed = true;
                    cancelPurchase(commands, "payment-refused: " + refusal.code());
                });
    }

    @SagaEventHandler(associationProperty = "purchaseId")
    void on(TransactionExecutedEvent event, @Timestamp Instant executedAt, CommandGateway commands,
            DeadlineManager deadlines) {
        deadlines.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
        paid = true;
        processorReference = event.processorReference();
        Instant validUntil = plan.validUntil(premiumValidUntil, executedAt);
        send(commands, new UpgradeSubscriptionCommand(subscriptionId, purchaseId, validUntil)).ifPresent(refusal -> {
            if (refusal.code().equals("subscription.purchase-not-pending")) {
                // Upgraded already (a redelivery) or cancelled meanwhile: the event recording which drives us on.
                return;
            }
            refund(commands, "upgrade-failed: " + refusal.code());
        });
    }

    @SagaEventHandler(associationProperty = "purchaseId")
    void on(TransactionFailedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        deadlines.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
        paymentFailed = true;
        cancelPurchase(commands, event.reason());
    }

    @SagaEventHandler(associationProperty = "purchaseId")
    void on(TransactionRefundedEvent event, CommandGateway commands) {
        cancelPurchase(commands, event.reason()).ifPresent(refusal -> {
            log.warn("purchase {} was refunded but cannot be cancelled ({}); ending its saga", purchaseId,
                    refusal.code());
            SagaLifecycle.end();
        });
    }

    @SagaEventHandler(associationProperty = "purchaseId")
    void on(SubscriptionUpgradedEvent event, CommandGateway commands) {
        send(commands, new CompletePremiumPurchaseCommand(subscriptionId, purchaseId, transactionId,
                processorReference, CompletePremiumPurchaseCommand.receiptNumberOf(purchaseId)))
                .filter(refusal -> !refusal.code().equals("subscription.purchase-already-completed"))
                .ifPresent(refusal -> {
                    log.warn("purchase {} is upgraded but cannot be completed ({}); ending its saga", purchaseId,
                            refusal.code());
                    SagaLifecycle.end();
                });
    }

    @SagaEventHandler(associationProperty = "purchaseId")
    void on(PremiumPurchaseCompletedEvent event) {
        SagaLifecycle.end();
    }

    /** The purchase is cancelled, by this saga or from elsewhere: whatever the payment did is undone, then done. */
    @SagaEventHandler(associationProperty = "purchaseId")
    void on(PremiumPurchaseCancelledEvent event, CommandGateway commands, DeadlineManager deadlines) {
        deadlines.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
        if (paid) {
            refund(commands, "purchase-cancelled: " + event.reason());
        } else if (!paymentFailed) {
            failPayment(commands, "purchase-cancelled: " + event.reason());
        }
        SagaLifecycle.end();
    }

    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void on(PaymentDeadline deadline, CommandGateway commands) {
        if (!paid && !paymentFailed) {
            log.info("no answer from the payment processor for purchase {} in time; failing {}", purchaseId,
                    transactionId);
            // Refused as already executed: the payment landed in time after all, and its event drives us on.
            send(commands, new FailTransactionCommand(transactionId, TIMEOUT_REASON));
        }
    }

    private void failPayment(CommandGateway commands, String reason) {
        send(commands, new FailTransactionCommand(transactionId, reason)).ifPresent(refusal -> {
            if (refusal.code().equals("transaction.already-executed")) {
                // The money arrived just before: give it back rather than keep a charge for a cancelled purchase.
                refund(commands, reason);
            }
        });
    }

    private void refund(CommandGateway commands, String reason) {
        if (!refundRequested) {
            refundRequested = true;
            send(commands, new RefundTransactionCommand(transactionId, reason));
        }
    }

    private Optional<Rejection> cancelPurchase(CommandGateway commands, String reason) {
        return send(commands, new CancelPremiumPurchaseCommand(subscriptionId, purchaseId, reason));
    }

    /** The payload of the payment deadline, readable in the {@code scheduled_tasks} row. */
    record PaymentDeadline(String purchaseId, String transactionId) {
    }

    /** Sends and waits; a refusal is answered, logged and returned, any other failure propagates. */
    private Optional<Rejection> send(CommandGateway commands, Object command) {
        try {
            commands.sendAndWait(command);
            return Optional.empty();
        } catch (RuntimeException failure) {
            Rejection refusal = Rejection.of(failure).orElseThrow(() -> failure);
            log.info("purchase {}: {} refused ({}); {}", purchaseId, command.getClass().getSimpleName(),
                    refusal.code(), refusal.message());
            return Optional.of(refusal);
        }
    }
}
