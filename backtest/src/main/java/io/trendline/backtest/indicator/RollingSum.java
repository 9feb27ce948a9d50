package io.trendline.backtest.indicator;

/**
 * A running sum with the rounding error of every addition kept aside (Knuth's TwoSum), so a sum updated a million
 * times stays within an ulp or two of the exact sum instead of drifting. Six floating-point operations an update
 * and no branch; used for small signed values (returns), where {@link WindowSum}'s schedule would not pay.
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
