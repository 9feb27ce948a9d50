package io.trendline.api.market;

import java.math.BigDecimal;

/**
 * The latest closed 1-minute candle of a symbol and the 24 hours of candles up to it. The window ends at the latest
 * candle rather than at the wall clock, so replayed or historical data reads the same on any day.
 *
 * @param time          open time of the latest candle, epoch ms
 * @param price         its close
 * @param windowStart   open time of the first candle of the window (24 h before the end of the latest one)
 * @param open          open of the first candle in the window
 * @param average       mean of the window's 1-minute closes
 * @param change        price - open
 * @param changePercent change / open x 100, 4 decimals
 * @param candles       1-minute candles in the window (1,440 when none is missing)
 */
public record MarketSummary(String symbol, long time, BigDecimal price, long windowStart, BigDecimal open,
                            BigDecimal high, BigDecimal low, BigDecimal average, BigDecimal volume,
                            BigDecimal change, BigDecimal changePercent, long candles) {
}
