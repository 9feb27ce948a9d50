package io.trendline.command.transaction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.common.Money;
import io.trendline.api.transaction.CreateTransactionCommand;
import io.trendline.api.transaction.FailTransactionCommand;
import io.trendline.api.transaction.MarkTransactionExecutedCommand;
import io.trendline.api.transaction.RefundTransactionCommand;
import io.trendline.api.transaction.TransactionCreatedEvent;
import io.trendline.api.transaction.TransactionExecutedEvent;
import io.trendline.api.transaction.TransactionFailedEvent;
import io.trendline.api.transaction.TransactionRefundedEvent;
import io.trendline.api.transaction.TransactionStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One payment: pending until the processor's answer executes or fails it; an executed one can be refunded once.
 * Creation is create-if-missing rather than a creating constructor, so a repeated create with the same idempotency
 * key finds the existing transaction and answers without a second charge instead of failing in the event store.
 */
@Aggregate
class Transaction {

    @AggregateIdentifier
    private String transactionId;
    private String purchaseId;
    private Money amount;
    private String idempotencyKey;
    private TransactionStatus status;
    private String processorReference;

    protected Transaction() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(CreateTransactionCommand command) {
        if (transactionId != null) {
            return answerRepeatedCreate(command);
        }
        require(command.transactionId(), "transaction.id-required", "transactionId");
        require(command.purchaseId(), "transaction.purchase-id-required", "purchaseId");
        require(command.userId(), "transaction.user-id-required", "userId");
        require(command.idempotencyKey(), "transaction.idempotency-key-required", "idempotencyKey");
        require(command.cardToken(), "transaction.card-token-required", "cardToken");
        if (command.amount() == null || !command.amount().isPositive()) {
            throw CommandRejectedException.invalid("transaction.invalid-amount",
                    "the amount must be positive, was " + command.amount());
        }
        apply(new TransactionCreatedEvent(command.transactionId(), command.purchaseId(), command.userId(),
                command.amount(), command.idempotencyKey(), command.cardToken()));
        return command.transactionId();
    }

    @CommandHandler
    void handle(MarkTransactionExecutedCommand command) {
        requirePending();
        require(command.processorReference(), "transaction.processor-reference-required", "processorReference");
        apply(new TransactionExecutedEvent(transactionId, purchaseId, amount, command.processorReference()));
    }

    @CommandHandler
    void handle(FailTransactionCommand command) {
        requirePending();
        require(command.reason(), "transaction.reason-required", "reason");
        apply(new TransactionFailedEvent(transactionId, purchaseId, command.reason()));
    }

    @CommandHandler
    void handle(RefundTransactionCommand command) {
        if (status == TransactionStatus.REFUNDED) {
            throw CommandRejectedException.conflict("transaction.already-refunded",
                    "transaction " + transactionId + " is already refunded");
        }
        if (status != TransactionStatus.EXECUTED) {
            throw CommandRejectedException.conflict("transaction.not-executed",
                    "transaction " + transactionId + " is " + status + "; only an executed one can be refunded");
        }
        require(command.reason(), "transaction.reason-required", "reason");
        apply(new TransactionRefundedEvent(transactionId, purchaseId, amount, processorReference, command.reason()));
    }

    @EventSourcingHandler
    void on(TransactionCreatedEvent event) {
        transactionId = event.transactionId();
        purchaseId = event.purchaseId();
        amount = event.amount();
        idempotencyKey = event.idempotencyKey();
        status = TransactionStatus.PENDING;
    }

    @EventSourcingHandler
    void on(TransactionExecutedEvent event) {
        status = TransactionStatus.EXECUTED;
        processorReference = event.processorReference();
    }

    @EventSourcingHandler
    void on(TransactionFailedEvent event) {
        status = TransactionStatus.FAILED;
    }

    @EventSourcingHandler
    void on(TransactionRefundedEvent event) {
        status = TransactionStatus.REFUNDED;
    }

    private String answerRepeatedCreate(CreateTransactionCommand command) {
        boolean sameTerms = command.idempotencyKey() != null && command.idempotencyKey().equals(idempotencyKey)
                && purchaseId.equals(command.purchaseId()) && amount.equals(command.amount());
        if (!sameTerms) {
            throw CommandRejectedException.conflict("transaction.already-exists",
                    "transaction " + transactionId + " exists with another idempotency key, purchase or amount");
        }
        return transactionId;
    }

    private void requirePending() {
        if (status != TransactionStatus.PENDING) {
            String code = switch (status) {
                case EXECUTED -> "transaction.already-executed";
                case FAILED -> "transaction.already-failed";
                default -> "transaction.already-refunded";
            };
            throw CommandRejectedException.conflict(code,
                    "transaction " + transactionId + " is " + status + ", no longer pending");
        }
    }

    private static void require(String value, String code, String field) {
        if (value == null || value.isBlank()) {
            throw CommandRejectedException.invalid(code, field + " is required");
        }
    }
}
