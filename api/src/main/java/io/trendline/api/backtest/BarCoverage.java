package io.trendline.api.backtest;

import java.time.Instant;

/** The stored 1-minute bars of a symbol in a range: their number and the first and last open times (null if none). */
public record BarCoverage(String symbol, long bars, Instant first, Instant last) {
}
