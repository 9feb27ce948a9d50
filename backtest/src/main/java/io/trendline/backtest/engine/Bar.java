package io.trendline.backtest.engine;

/** One OHLCV candle; {@code openTime} in epoch milliseconds UTC. */
public record Bar(long openTime, double open, double high, double low, double close, double volume) {
}
