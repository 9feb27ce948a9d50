package io.trendline.backtest.indicator;

/** MACD: the fast EMA minus the slow EMA (the line), an EMA of the line (the signal), and their difference. */
public final class Macd {

    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private double line = Double.NaN;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException("the fast period must be shorter than the slow one");
        }
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.signal = new Ema(signalPeriod);
    }

    public void update(double x) {
        line = fast.update(x) - slow.update(x);
        signal.update(line);
    }

    public double line() {
        return line;
    }

    public double signal() {
        return signal.value();
    }

    public double histogram() {
        return line - signal.value();
    }
}
