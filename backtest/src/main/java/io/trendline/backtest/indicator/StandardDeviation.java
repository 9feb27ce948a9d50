package io.trendline.backtest.indicator;

/**
 * Population standard deviation over a moving window around its simple moving average, summed afresh over the
 * window at every update: O(period) a bar, but free of the cancellation that a running sum of squares suffers at
 * price levels of 1e5.
 */
public final class StandardDeviation implements Indicator {

    private final Sma mean;
    private double value = Double.NaN;

    public StandardDeviation(int period) {
        this.mean = new Sma(period);
    }

    @Override
    public double update(double x) {
        double average = mean.update(x);
        value = Math.sqrt(mean.squaredDeviations(average) / mean.windowSize());
        return value;
    }

    /** The moving average the deviation is measured from. */
    public double mean() {
        return mean.value();
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean ready() {
        return mean.ready();
    }
}
