package io.trendline.api.strategy;

import org.axonframework.serialization.Revision;

/** A requested backtest could not run (no bars in the range, a failure inside the run); it will not complete. */
@Revision("1")
public record BacktestFailedEvent(String strategyId, String backtestId, String reason) {
}
