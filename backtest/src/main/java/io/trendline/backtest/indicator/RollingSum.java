package io.trendline.backtest.indicator;

/**
 * A running sum with the rounding error of every addition kept aside (Knuth's TwoSum), so a window sum updated a
 * million times stays within an ulp or two of the exact sum instead of drifting. Cheap enough for the fast path:
 * six floating-point operations an update and no branch.
 */
public final class RollingSum {

    private double sum;
    private double compensation;

    public void add(double x) {
        double t = sum + x;
        double bp = t - sum;
        compensation += (sum - (t - bp)) + (x - bp);
        sum = t;
    }

    public double value() {
        return sum + compensation;
    }
}
