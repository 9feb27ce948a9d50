package io.trendline.api.strategy;

import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateStrategyCommand(@TargetAggregateIdentifier String strategyId, String ownerId, String name,
                                    StrategyType type, String symbol, Map<String, BigDecimal> parameters) {
}
