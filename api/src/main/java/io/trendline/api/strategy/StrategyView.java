package io.trendline.api.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A strategy as the query side knows it; {@code version} is the sequence number of the last event applied. */
public record StrategyView(String strategyId, String ownerId, String name, StrategyType type, String symbol,
                           Map<String, BigDecimal> parameters, boolean archived, long version, Instant createdAt,
                           Instant updatedAt) {
}
