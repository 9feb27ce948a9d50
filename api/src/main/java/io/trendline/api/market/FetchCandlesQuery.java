package io.trendline.api.market;

/**
 * OHLCV bars of a symbol at an interval, between {@code from} (inclusive) and {@code to} (exclusive), epoch ms UTC,
 * at most {@code limit} of them from {@code from} on; answered with a {@link CandlePage}. A null {@code to} means
 * "up to the latest candle", a null {@code from} means {@code limit} bars back from {@code to}.
 */
public record FetchCandlesQuery(String symbol, CandleInterval interval, Long from, Long to, int limit) {
}
