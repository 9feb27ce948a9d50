/** The bars a backtest runs on, read from the 1-minute candles in ClickHouse and aggregated there. */
package io.trendline.runner.bars;
