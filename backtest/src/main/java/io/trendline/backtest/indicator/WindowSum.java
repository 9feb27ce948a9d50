package io.trendline.backtest.indicator;

import java.util.function.IntToDoubleFunction;

/**
 * The sum of a moving window, kept up to date by adding the value that enters and subtracting the one that
 * leaves, and summed afresh from the window's values (oldest first) every {@link #RESUM_EVERY} updates. Rounding
 * therefore drifts for at most that many updates (a few ulps of the sum) instead of growing over a million; and
 * since the schedule and the order of additions are fixed, the streaming {@link Sma} and a columnar pass over an
 * array give the same bits. Two floating-point operations an update, plus {@code period / 1024} amortised.
 */
public final class WindowSum {

    /** How often the sum is rebuilt from the window: after every 1024th value. */
    public static final int RESUM_EVERY = 1024;

    private WindowSum() {
    }

    /** Whether the sum is to be rebuilt once the {@code count}-th value (counted from 1) has been added. */
    public static boolean resumAfter(long count) {
        return (count & (RESUM_EVERY - 1)) == 0;
    }

    /** {@code values(from) + ... + values(to - 1)}, left to right. */
    public static double sum(IntToDoubleFunction values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values.applyAsDouble(i);
        }
        return sum;
    }
}
