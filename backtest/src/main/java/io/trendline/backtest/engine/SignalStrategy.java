package io.trendline.backtest.engine;

/**
 * A strategy that trades only at market on {@link Signals} decided at each bar's close, from the bars up to it.
 * It comes in two forms that must agree bar for bar: a {@link Generator} fed one closed bar at a time (run by
 * {@link BarByBarEngine}, where looking ahead is impossible) and a columnar pass over the whole series (run by
 * {@link ColumnarEngine}, the fast path). The tests hold every strategy to that agreement.
 */
public interface SignalStrategy {

    /** The first bar index on which a signal may be given; earlier bars only warm the indicators up. */
    int warmupBars();

    /** A fresh generator, for one run. */
    Generator generator();

    /** Writes, for every bar {@code i}, the signal decided at its close into {@code out[i]}. */
    void signals(BarSeries bars, byte[] out);

    /** Decides a signal from each closed bar in turn. */
    interface Generator {

        int next(long openTime, double open, double high, double low, double close, double volume);
    }
}
