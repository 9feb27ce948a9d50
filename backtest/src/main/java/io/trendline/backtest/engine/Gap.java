package io.trendline.backtest.engine;

/**
 * Bars missing between two consecutive bars of a series: the bar at {@code index} opened at {@code openTime}, but
 * {@code expectedOpenTime} was due after the previous one. Reported with the result, never filled in.
 */
public record Gap(int index, long expectedOpenTime, long openTime, long missingBars) {
}
