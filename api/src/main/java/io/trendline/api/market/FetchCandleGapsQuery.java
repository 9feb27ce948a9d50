package io.trendline.api.market;

/**
 * Missing 1-minute candles of a symbol between {@code from} (inclusive) and {@code to} (exclusive), epoch ms; null
 * bounds mean the symbol's first and last stored candle. Answered with a {@link CandleGaps}.
 */
public record FetchCandleGapsQuery(String symbol, Long from, Long to) {
}
