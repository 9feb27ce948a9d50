package io.trendline.api.backtest;

/** One run's request, status, summary and digests. Answered with a {@link BacktestRunView}, or null if unknown. */
public record FindBacktestRunQuery(String backtestId) {
}
