package io.trendline.api.subscription;

/** The subscription of one user; answered with a {@link SubscriptionView}. */
public record FindSubscriptionQuery(String userId) {
}
