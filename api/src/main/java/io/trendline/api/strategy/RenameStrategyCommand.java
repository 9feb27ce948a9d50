package io.trendline.api.strategy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RenameStrategyCommand(@TargetAggregateIdentifier String strategyId, String name,
                                    @TargetAggregateVersion Long expectedVersion) {
}
