package io.trendline.api.strategy;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StrategyRenamedEvent(String strategyId, String name, String previousName) {
}
