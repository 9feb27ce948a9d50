package io.trendline.backtest.indicator;

/** Simple moving average; before the window fills, the average of the values seen so far (as ta4j). */
public final class Sma implements Indicator {

    private final int period;
    private final double[] window;
    private double sum;
    private long count;
    private double value = Double.NaN;

    public Sma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        this.period = period;
        this.window = new double[period];
    }

    @Override
    public double update(double x) {
        int slot = (int) (count % period);
        // x - 0.0 is x exactly, so the warm-up and the full window follow one formula (the fast path relies on it).
        sum += x - (count >= period ? window[slot] : 0.0);
        window[slot] = x;
        count++;
        if (WindowSum.resumAfter(count)) {
            sum = resum();
        }
        value = sum / Math.min(count, period);
        return value;
    }

    /** The window's values added afresh, oldest first, as {@link WindowSum#sum} adds an array. */
    private double resum() {
        int size = (int) Math.min(count, period);
        int slot = (int) ((count - size) % period);
        double fresh = 0;
        for (int i = 0; i < size; i++) {
            fresh += window[slot];
            slot = slot + 1 == period ? 0 : slot + 1;
        }
        return fresh;
    }

    /** The sum of the values in the window. */
    public double sum() {
        return sum;
    }

    /** The sum of squared differences between each value in the window and {@code centre}, oldest first. */
    double squaredDeviations(double centre) {
        int size = (int) Math.min(count, period);
        int slot = (int) ((count - size) % period);
        double squares = 0;
        for (int i = 0; i < size; i++) {
            double d = window[slot] - centre;
            squares += d * d;
            slot = slot + 1 == period ? 0 : slot + 1;
        }
        return squares;
    }

    int windowSize() {
        return (int) Math.min(count, period);
    }

    public int period() {
        return period;
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
