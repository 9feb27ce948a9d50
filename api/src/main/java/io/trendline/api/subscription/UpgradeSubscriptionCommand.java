package io.trendline.api.subscription;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Completes the pending purchase {@code purchaseId}: premium until {@code validUntil}, which must lie beyond both
 * now and the current validity; {@link PremiumPlan#validUntil} computes it.
 */
public record UpgradeSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, String purchaseId,
                                         Instant validUntil) {
}
