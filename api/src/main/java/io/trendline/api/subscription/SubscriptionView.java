package io.trendline.api.subscription;

import java.time.Instant;

/** A user's plan as the read model sees it; {@code validUntil} and {@code pendingPurchaseId} may be null. */
public record SubscriptionView(String subscriptionId, String userId, Plan plan, Instant validUntil,
                               String pendingPurchaseId) {
}
