package io.trendline.backtest.testing;

import io.trendline.backtest.engine.BarSeries;
import java.util.SplittableRandom;

/**
 * Seeded geometric random walk bars: each close is the previous one times {@code exp(sigma * z)} with z standard
 * normal; each bar opens at the previous close, its high and low lie a random half-sigma move beyond the body.
 * StrictMath keeps the series bit-identical on every JVM.
 */
public final class RandomWalk {

    public static final long MINUTE = 60_000;
    /** 2025-01-01T00:00:00Z. */
    public static final long START = 1_735_689_600_000L;

    private RandomWalk() {
    }

    public static BarSeries minutes(int n, long seed, double sigma) {
        return bars(n, seed, sigma, 100.0);
    }

    public static BarSeries bars(int n, long seed, double sigma, double firstPrice) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        double price = firstPrice;
        for (int i = 0; i < n; i++) {
            double open = price;
            double close = open * StrictMath.exp(sigma * random.nextGaussian());
            t[i] = START + i * MINUTE;
            o[i] = open;
            c[i] = close;
            h[i] = Math.max(open, close) * (1 + Math.abs(random.nextGaussian()) * sigma / 2);
            l[i] = Math.min(open, close) * (1 - Math.abs(random.nextGaussian()) * sigma / 2);
            v[i] = 1 + random.nextDouble() * 10;
            price = close;
        }
        return new BarSeries(MINUTE, t, o, h, l, c, v);
    }
}
