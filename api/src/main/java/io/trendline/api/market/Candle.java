package io.trendline.api.market;

import java.math.BigDecimal;

/** One OHLCV bar; {@code openTime} in epoch ms UTC, prices and volume exact decimals. */
public record Candle(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                     BigDecimal volume) {
}
