package io.trendline.api.backtest;

import java.time.Instant;

/**
 * How many stored 1-minute bars of a symbol fall in {@code [from, to)}: checked before a backtest is accepted, so
 * that an unknown symbol or a range without data is refused with a reason. Answered with a {@link BarCoverage}.
 */
public record FindBarCoverageQuery(String symbol, Instant from, Instant to) {
}
