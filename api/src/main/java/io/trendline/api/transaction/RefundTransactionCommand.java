package io.trendline.api.transaction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Refunds an executed transaction in full; a transaction is refunded at most once. */
public record RefundTransactionCommand(@TargetAggregateIdentifier String transactionId, String reason) {
}
