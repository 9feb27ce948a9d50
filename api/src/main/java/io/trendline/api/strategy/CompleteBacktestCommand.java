package io.trendline.api.strategy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The runner's answer to a {@link BacktestRequestedEvent}: the run finished, with its summary and digests. */
public record CompleteBacktestCommand(@TargetAggregateIdentifier String strategyId, String backtestId,
                                      BacktestSummary summary, BacktestDigests digests) {
}
