package io.trendline.backtest.indicator;

/**
 * Relative strength index: Wilder-smoothed gains over Wilder-smoothed losses, mapped to [0, 100]; 0 while there has
 * been no move at all, 100 while there has been no loss (as ta4j).
 */
public final class Rsi implements Indicator {

    private final int period;
    private final Ema gains;
    private final Ema losses;
    private long count;
    private double previous;
    private double value = Double.NaN;

    public Rsi(int period) {
        this.period = period;
        this.gains = Ema.wilder(period);
        this.losses = Ema.wilder(period);
    }

    @Override
    public double update(double x) {
        double change = count == 0 ? 0.0 : x - previous;
        double gain = gains.update(change > 0 ? change : 0.0);
        double loss = losses.update(change < 0 ? -change : 0.0);
        previous = x;
        count++;
        if (loss == 0) {
            value = gain == 0 ? 0.0 : 100.0;
        } else {
            value = 100.0 - 100.0 / (1.0 + gain / loss);
        }
        return value;
    }

    @Override
    public double value() {
        return value;
    }

    /** Ready once {@code period} changes have been seen. */
    @Override
    public boolean ready() {
        return count > period;
    }
}
