package io.trendline.backtest.engine;

import java.util.List;

/**
 * What the bar loop produced: the closed trades in order, the equity curve (for bars before {@code from()}, the
 * initial capital, since trading starts there), and how many bars from {@code from()} on closed with a position
 * open.
 */
public record EngineRun(List<Trade> trades, EquityCurve curve, int barsInMarket) {

    /** Every bar's equity (shared: do not change it). */
    public double[] equity() {
        return curve.values();
    }

    public int from() {
        return curve.from();
    }
}
