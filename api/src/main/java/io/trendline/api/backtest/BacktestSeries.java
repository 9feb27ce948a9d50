package io.trendline.api.backtest;

import java.util.List;

/** Equity (quote currency) and drawdown (fraction below the running peak) over time, and the full curve's length. */
public record BacktestSeries(String backtestId, long points, List<SeriesPoint> equity, List<SeriesPoint> drawdown) {

    /** One point: the bar's open time in epoch milliseconds and the value at its close. */
    public record SeriesPoint(long time, double value) {
    }
}
