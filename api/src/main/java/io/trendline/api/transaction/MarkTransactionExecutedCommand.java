package io.trendline.api.transaction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the processor charged the pending transaction under {@code processorReference}. */
public record MarkTransactionExecutedCommand(@TargetAggregateIdentifier String transactionId,
                                             String processorReference) {
}
