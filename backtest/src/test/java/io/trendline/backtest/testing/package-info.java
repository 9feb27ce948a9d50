/** Test data: seeded random walks, the real Binance klines, and the same bars as ta4j series. */
package io.trendline.backtest.testing;
