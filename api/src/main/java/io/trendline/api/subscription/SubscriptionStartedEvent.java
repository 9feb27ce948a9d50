package io.trendline.api.subscription;

import org.axonframework.serialization.Revision;

@Revision("1")
public record SubscriptionStartedEvent(String subscriptionId, String userId, Plan plan) {
}
