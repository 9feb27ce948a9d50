package io.trendline.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a user's subscription on the free plan; sent once, when the user registers. */
public record StartSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, String userId) {

    /**
     * The command for a user's one subscription. Its id is derived from the user id, so a repeated registration
     * targets the same aggregate instead of creating a second subscription.
     */
    public static StartSubscriptionCommand forUser(String userId) {
        return new StartSubscriptionCommand(subscriptionIdOf(userId), userId);
    }

    public static String subscriptionIdOf(String userId) {
        return "subscription-" + userId;
    }
}
