package io.trendline.api.backtest;

/** The runs of one strategy, newest first, at most {@code limit}. Answered with a {@link BacktestRunList}. */
public record FindBacktestRunsQuery(String strategyId, int limit) {
}
