package io.trendline.backtest.metrics;

/**
 * The metrics of a run and its drawdown curve: {@code drawdown[i]} is {@code equity[i] / peak - 1} (0 at a new
 * high, negative below it) for every bar from the run's first trading bar on.
 */
public record Performance(Metrics metrics, double[] drawdown) {
}
