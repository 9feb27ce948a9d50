package io.trendline.api.strategy;

import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StrategyCreatedEvent(String strategyId, String ownerId, String name, StrategyType type, String symbol,
                                   Map<String, BigDecimal> parameters) {
}
