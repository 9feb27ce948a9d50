package io.trendline.saga.payment;

import io.trendline.api.common.Rejection;
import io.trendline.api.transaction.FailTransactionCommand;
import io.trendline.api.transaction.MarkTransactionExecutedCommand;
import io.trendline.api.transaction.TransactionCreatedEvent;
import io.trendline.api.transaction.TransactionFailedEvent;
import io.trendline.api.transaction.TransactionRefundedEvent;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves the money: charges when a transaction is created, refunds when one is refunded, and reports what the
 * processor answered as commands on the transaction. The processor's idempotency keys derive from the transaction id
 * (itself derived from the purchase), so a redelivered event, a restart mid-charge or a dead-letter retry asks the
 * processor again under the same key and never charges twice. Never replayed: a replay must not move money.
 */
@Component
@ProcessingGroup(PaymentHandler.PROCESSING_GROUP)
public class PaymentHandler {

    public static final String PROCESSING_GROUP = "payment-processor";
    private static final Logger log = LoggerFactory.getLogger(PaymentHandler.class);

    private final PaymentProcessor processor;

    PaymentHandler(PaymentProcessor processor) {
        this.processor = processor;
    }

    public static String chargeKey(String transactionId) {
        return "charge:" + transactionId;
    }

    public static String refundKey(String transactionId) {
        return "refund:" + transactionId;
    }

    @DisallowReplay
    @EventHandler
    void on(TransactionCreatedEvent event, CommandGateway commands) {
        ChargeResult result;
        try {
            result = processor.charge(new ChargeRequest(chargeKey(event.transactionId()), event.userId(),
                    event.cardToken(), event.amount(), "Trendline premium, purchase " + event.purchaseId()));
        } catch (PaymentProcessorException e) {
            fail(commands, event.transactionId(), "processor-error: " + e.code());
            return;
        } catch (PaymentTimeoutException e) {
            // Outcome unknown: the saga's payment deadline fails the transaction, and cancel() then voids any charge.
            log.warn("transaction {}: {}; leaving it to the payment deadline", event.transactionId(), e.getMessage());
            return;
        }
        if (result instanceof ChargeResult.Declined declined) {
            fail(commands, event.transactionId(), "declined: " + declined.code());
        } else if (result instanceof ChargeResult.Approved approved) {
            send(commands, new MarkTransactionExecutedCommand(event.transactionId(), approved.reference()))
                    .filter(refusal -> refusal.code().equals("transaction.already-failed"))
                    .ifPresent(refusal -> voidLateCharge(event.transactionId()));
        }
    }

    /**
     * A transaction that failed while its charge was unanswered (the deadline passed) may still have been charged:
     * whatever the processor holds under its key is voided.
     */
    @DisallowReplay
    @EventHandler
    void on(TransactionFailedEvent event) {
        processor.cancel(chargeKey(event.transactionId()), refundKey(event.transactionId()), event.reason());
    }

    @DisallowReplay
    @EventHandler
    void on(TransactionRefundedEvent event) {
        RefundResult refund = processor.refund(new RefundRequest(refundKey(event.transactionId()),
                event.processorReference(), event.amount(), event.reason()));
        log.info("transaction {} refunded at the processor as {}", event.transactionId(), refund.reference());
    }

    private void voidLateCharge(String transactionId) {
        log.warn("transaction {} was approved after it had failed; voiding the charge", transactionId);
        processor.cancel(chargeKey(transactionId), refundKey(transactionId), "approved after the payment deadline");
    }

    private void fail(CommandGateway commands, String transactionId, String reason) {
        send(commands, new FailTransactionCommand(transactionId, reason));
    }

    /** A refusal means the transaction already moved on (a redelivery, or the deadline came first). */
    private Optional<Rejection> send(CommandGateway commands, Object command) {
        try {
            commands.sendAndWait(command);
            return Optional.empty();
        } catch (RuntimeException failure) {
            Rejection refusal = Rejection.of(failure).orElseThrow(() -> failure);
            log.info("{} refused: {}", command.getClass().getSimpleName(), refusal.message());
            return Optional.of(refusal);
        }
    }
}
