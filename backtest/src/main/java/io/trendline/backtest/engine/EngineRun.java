package io.trendline.backtest.engine;

import java.util.List;

/**
 * What the bar loop produced: the closed trades in order, the equity at every bar's close ({@code equity[i]} for
 * {@code i < from} is the initial capital, since trading starts at {@code from}), and how many bars from
 * {@code from} on closed with a position open. The arrays belong to the caller.
 */
public record EngineRun(List<Trade> trades, double[] equity, int from, int barsInMarket) {
}
