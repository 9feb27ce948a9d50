package io.trendline.api.subscription;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The purchase is complete and the subscription is premium until {@code validUntil}. */
@Revision("1")
public record SubscriptionUpgradedEvent(String subscriptionId, String userId, String purchaseId,
                                        PremiumPlan plan, Instant validUntil) {
}
