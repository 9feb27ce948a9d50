/**
 * Backtest runs as the platform keeps them: the queries on runs, their trades and curves, their progress while they
 * run, and the verification that re-runs one from its events. The commands and events live with the
 * {@code Strategy} aggregate in {@code io.trendline.api.strategy}.
 */
package io.trendline.api.backtest;
