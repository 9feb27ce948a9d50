package io.trendline.api.subscription;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Returns a premium subscription whose validity ended at or before {@code at} to the free plan. */
public record ExpireSubscriptionCommand(@TargetAggregateIdentifier String subscriptionId, Instant at) {
}
