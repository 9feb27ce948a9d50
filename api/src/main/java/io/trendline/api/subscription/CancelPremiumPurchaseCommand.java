package io.trendline.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Abandons the pending purchase {@code purchaseId}, e.g. because its payment failed. */
public record CancelPremiumPurchaseCommand(@TargetAggregateIdentifier String subscriptionId, String purchaseId,
                                           String reason) {
}
