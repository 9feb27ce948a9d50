package io.trendline.api.backtest;

/**
 * A run's equity and drawdown curves for a chart, downsampled to about {@code points} points (largest triangle,
 * three buckets, which keeps the peaks and troughs a chart must show). Answered with a {@link BacktestSeries}.
 */
public record FetchBacktestSeriesQuery(String backtestId, int points) {
}
