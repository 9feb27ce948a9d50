/**
 * The backtest library's front door: {@link io.trendline.backtest.Backtest#run} takes a {@link
 * io.trendline.backtest.BacktestSpec} (strategy kind, parameters, execution rules) and a {@link
 * io.trendline.backtest.engine.BarSeries} from any source, and answers a {@link io.trendline.backtest.BacktestResult}
 * with trades, equity, gaps, metrics and the {@link io.trendline.backtest.Digests} that let a later run prove it
 * reproduced this one. Nothing here or below uses a framework; only the JDK.
 */
package io.trendline.backtest;
