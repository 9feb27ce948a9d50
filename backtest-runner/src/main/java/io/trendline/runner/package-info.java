/**
 * The backtest runner: reacts to {@code BacktestRequestedEvent}, reads the bars from ClickHouse, runs the engine of
 * the {@code backtest} library, stores trades and curves in ClickHouse and answers the strategy with
 * {@code CompleteBacktestCommand} or {@code FailBacktestCommand}. Also re-runs completed backtests to verify them.
 */
package io.trendline.runner;
