package io.trendline.api.strategy;

public record FindStrategyQuery(String strategyId) {
}
