package io.trendline.api.backtest;

/** The closed trades of a run in order. Answered with a {@link BacktestTrades}. */
public record FindBacktestTradesQuery(String backtestId) {
}
