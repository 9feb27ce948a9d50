package io.trendline.api.strategy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The runner's answer to a {@link BacktestRequestedEvent} that could not run: the reason, in words. */
public record FailBacktestCommand(@TargetAggregateIdentifier String strategyId, String backtestId, String reason) {
}
