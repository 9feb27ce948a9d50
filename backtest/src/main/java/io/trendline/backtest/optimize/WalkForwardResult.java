package io.trendline.backtest.optimize;

import io.trendline.backtest.engine.Trade;
import io.trendline.backtest.metrics.Metrics;
import java.util.List;

/**
 * Each window's in-sample winner and what it then did out of sample; the out-of-sample equity curves chained into
 * one (each window's curve scaled to start where the previous ended) and its metrics; the out-of-sample trades.
 * Trade indices are into the whole series.
 */
public record WalkForwardResult(List<Window> windows, double[] outOfSampleEquity, Metrics outOfSample,
                                List<Trade> outOfSampleTrades) {

    /** One step: bars {@code [trainFrom, testFrom)} trained on, {@code [testFrom, testTo)} tested on. */
    public record Window(int trainFrom, int testFrom, int testTo, Evaluation inSample, Metrics outOfSample) {
    }
}
