package io.trendline.api.strategy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ArchiveStrategyCommand(@TargetAggregateIdentifier String strategyId, String reason,
                                     @TargetAggregateVersion Long expectedVersion) {
}
