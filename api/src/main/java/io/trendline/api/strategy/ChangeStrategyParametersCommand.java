package io.trendline.api.strategy;

import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces the parameters; {@code expectedVersion}, when given, must be the strategy's current version. */
public record ChangeStrategyParametersCommand(@TargetAggregateIdentifier String strategyId,
                                              Map<String, BigDecimal> parameters,
                                              @TargetAggregateVersion Long expectedVersion) {
}
