package io.trendline.backtest.testing;

import io.trendline.backtest.engine.BarSeries;

/** Small hand-made series for behaviour tests: one {@code {open, high, low, close}} row per minute. */
public final class Bars {

    private Bars() {
    }

    public static BarSeries minutes(double[]... ohlc) {
        int n = ohlc.length;
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = RandomWalk.START + i * RandomWalk.MINUTE;
            o[i] = ohlc[i][0];
            h[i] = ohlc[i][1];
            l[i] = ohlc[i][2];
            c[i] = ohlc[i][3];
            v[i] = 1;
        }
        return new BarSeries(RandomWalk.MINUTE, t, o, h, l, c, v);
    }

    /** Bars that open and close at the given prices in turn, with high and low 1 either side. */
    public static BarSeries flat(double... prices) {
        double[][] rows = new double[prices.length][];
        for (int i = 0; i < prices.length; i++) {
            rows[i] = new double[] {prices[i], prices[i] + 1, prices[i] - 1, prices[i]};
        }
        return minutes(rows);
    }

    public static double[] bar(double open, double high, double low, double close) {
        return new double[] {open, high, low, close};
    }
}
