package io.trendline.api.market;

import java.math.BigDecimal;

/**
 * A price move of at least {@code thresholdPercent} within {@code windowMinutes}, on the {@link MarketTopics#ALERTS}
 * topic as JSON, keyed by symbol.
 *
 * @param fromTime      open time of the candle whose close the move is measured from, epoch ms
 * @param fromPrice     that close (the lowest in the window for a rise, the highest for a fall)
 * @param time          open time of the closed candle that crossed the threshold
 * @param price         its close
 * @param changePercent (price - fromPrice) / fromPrice x 100, 4 decimals; negative for a fall
 */
public record PriceAlert(String symbol, long fromTime, BigDecimal fromPrice, long time, BigDecimal price,
                         BigDecimal changePercent, BigDecimal thresholdPercent, long windowMinutes) {
}
