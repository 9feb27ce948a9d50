/** The backtest runs read model in ClickHouse and its queries: runs of a strategy, one run, several compared. */
package io.trendline.query.backtest;
