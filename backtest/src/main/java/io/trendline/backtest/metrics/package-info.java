/**
 * Performance of a run, in one linear pass over its equity curve plus one over its trades: returns, risk ratios,
 * drawdowns and the drawdown curve, trade statistics; and {@link io.trendline.backtest.metrics.Downsampler} to
 * thin curves for charts. Ratios use per-bar simple returns annualised by the bars in a 365-day year (crypto
 * trades around the clock) and a zero risk-free rate; powers use {@link java.lang.StrictMath} so that figures are
 * the same on every JVM.
 */
package io.trendline.backtest.metrics;
