package io.trendline.api.backtest;

/**
 * A subscription query on a run's progress: the initial answer is the last progress known (or null), updates are
 * {@link BacktestProgress} values until the run ends.
 */
public record FollowBacktestQuery(String backtestId) {
}
