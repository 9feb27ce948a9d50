/**
 * The benchmark harness behind {@code bench/backtest-single.sh}, {@code bench/backtest-grid.sh} and
 * {@code bench/metrics.sh}: a plain main with warm-up, not a test.
 */
package io.trendline.backtest.bench;
