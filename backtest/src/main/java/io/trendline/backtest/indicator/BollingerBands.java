package io.trendline.backtest.indicator;

/** Bollinger bands: the simple moving average, and {@code k} population standard deviations either side of it. */
public final class BollingerBands {

    private final StandardDeviation deviation;
    private final double k;
    private double middle = Double.NaN;
    private double upper = Double.NaN;
    private double lower = Double.NaN;

    public BollingerBands(int period, double k) {
        this.deviation = new StandardDeviation(period);
        this.k = k;
    }

    public void update(double x) {
        double sd = deviation.update(x);
        middle = deviation.mean();
        upper = middle + sd * k;
        lower = middle - sd * k;
    }

    public double middle() {
        return middle;
    }

    public double upper() {
        return upper;
    }

    public double lower() {
        return lower;
    }

    public boolean ready() {
        return deviation.ready();
    }
}
