package io.trendline.api.market;

import java.util.List;

/**
 * One page of bars, oldest first.
 *
 * @param from the range the page was cut from (bar-aligned), epoch ms
 * @param to   its exclusive end
 * @param next where the next page starts (pass it as {@code from}), or null when the range is exhausted
 */
public record CandlePage(String symbol, CandleInterval interval, long from, long to, List<Candle> candles,
                         Long next) {
}
