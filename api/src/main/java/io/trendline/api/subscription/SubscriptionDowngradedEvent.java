package io.trendline.api.subscription;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Premium ran out: the subscription is back on the free plan since {@code downgradedAt}. */
@Revision("1")
public record SubscriptionDowngradedEvent(String subscriptionId, String userId, Instant expiredValidUntil,
                                          Instant downgradedAt) {
}
