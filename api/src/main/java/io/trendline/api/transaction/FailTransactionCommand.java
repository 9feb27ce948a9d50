package io.trendline.api.transaction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the pending transaction will not be charged: declined, errored or timed out. */
public record FailTransactionCommand(@TargetAggregateIdentifier String transactionId, String reason) {
}
