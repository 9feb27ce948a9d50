package io.trendline.backtest.engine;

import java.util.Arrays;

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

    /**
     * The columnar pass: hands {@code sink} every signal other than {@link Signals#NONE}, in bar order, each with
     * the bar at whose close it was decided. Signals are rare, so the engine acts on each as it comes, while the
     * bars before it are still in the cache.
     */
    void signals(BarSeries bars, Sink sink);

    /** The signal column: {@code out[i]} is the signal decided at the close of bar {@code i}. */
    default void signals(BarSeries bars, byte[] out) {
        Arrays.fill(out, (byte) Signals.NONE);
        signals(bars, (bar, signal) -> out[bar] = (byte) signal);
    }

    /** Receives the signals of a columnar pass. */
    @FunctionalInterface
    interface Sink {

        void accept(int bar, int signal);
    }

    /** Decides a signal from each closed bar in turn. */
    interface Generator {

        int next(long openTime, double open, double high, double low, double close, double volume);
    }
}
