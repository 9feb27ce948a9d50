package io.trendline.api.strategy;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StrategyArchivedEvent(String strategyId, String reason) {
}
