package io.trendline.api.strategy;

import org.axonframework.serialization.Revision;

/**
 * A requested backtest ran to the end. The digests let anyone re-run it from the {@link BacktestRequestedEvent} and
 * check that the same inputs (parameters, bars, engine version) still give the same outputs (trades, equity curve).
 */
@Revision("1")
public record BacktestCompletedEvent(String strategyId, String backtestId, BacktestSummary summary,
                                     BacktestDigests digests) {
}
