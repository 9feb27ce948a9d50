package io.trendline.api.market;

import java.math.BigDecimal;

/**
 * One Binance candle as it travels on the market-data streams (JSON, keyed by symbol). Times are epoch milliseconds
 * UTC, {@code closeTime = openTime + interval - 1 ms}; prices and volumes keep Binance's decimal strings exactly.
 *
 * @param closed {@code true} once the candle is final; live updates of the open candle carry {@code false}
 */
public record Kline(String symbol, String interval, long openTime, long closeTime, BigDecimal open, BigDecimal high,
                    BigDecimal low, BigDecimal close, BigDecimal volume, BigDecimal quoteVolume, long trades,
                    BigDecimal takerBuyBaseVolume, BigDecimal takerBuyQuoteVolume, boolean closed) {
}
