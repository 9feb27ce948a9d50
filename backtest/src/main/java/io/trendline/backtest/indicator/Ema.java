package io.trendline.backtest.indicator;

/**
 * Exponential moving average with weight {@code 2 / (period + 1)}, started from the first value (as ta4j); counted
 * as ready after {@code period} values, when the start has faded.
 */
public final class Ema implements Indicator {

    private final int period;
    private final double weight;
    private long count;
    private double value = Double.NaN;

    public Ema(int period) {
        this(period, 2.0 / (period + 1));
    }

    Ema(int period, double weight) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        this.period = period;
        this.weight = weight;
    }

    /** Wilder's moving average (ta4j's MMA): weight {@code 1 / period}. */
    public static Ema wilder(int period) {
        return new Ema(period, 1.0 / period);
    }

    @Override
    public double update(double x) {
        value = count == 0 ? x : (x - value) * weight + value;
        count++;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean ready() {
        return count >= period;
    }
}
