package io.trendline.backtest.indicator;

/**
 * Population standard deviation of the last {@code lookback} bar-to-bar simple returns, from running sums of the
 * returns and their squares (returns are small and centred near zero, so the sums do not cancel). NaN until
 * {@code lookback} returns have been seen.
 */
public final class ReturnVolatility implements Indicator {

    private final int lookback;
    private final double[] window;
    private final RollingSum sum = new RollingSum();
    private final RollingSum squares = new RollingSum();
    private long returns;
    private double previous = Double.NaN;
    private double value = Double.NaN;

    public ReturnVolatility(int lookback) {
        if (lookback < 2) {
            throw new IllegalArgumentException("lookback must be >= 2, was " + lookback);
        }
        this.lookback = lookback;
        this.window = new double[lookback];
    }

    @Override
    public double update(double price) {
        if (!Double.isNaN(previous)) {
            double r = price / previous - 1;
            int slot = (int) (returns % lookback);
            double old = returns >= lookback ? window[slot] : 0.0;
            sum.add(r - old);
            squares.add(r * r - old * old);
            window[slot] = r;
            returns++;
            if (returns >= lookback) {
                double mean = sum.value() / lookback;
                value = Math.sqrt(Math.max(0.0, squares.value() / lookback - mean * mean));
            }
        }
        previous = price;
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public boolean ready() {
        return returns >= lookback;
    }
}
