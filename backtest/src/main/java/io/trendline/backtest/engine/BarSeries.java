package io.trendline.backtest.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Bars of one instrument at one interval, held in columns (primitive arrays) so that a backtest reads them without
 * boxing. Immutable: the arrays are copied in and never handed out. Construction checks the bars (increasing times,
 * finite positive prices, low and high enclosing open and close) and records every gap in the times.
 */
public final class BarSeries {

    private final long intervalMillis;
    private final long[] openTime;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final List<Gap> gaps;
    /** With no gap, open times are computed rather than read, which spares the cache on sparse reads. */
    private final boolean regular;
    private final long firstOpenTime;

    public BarSeries(long intervalMillis, long[] openTime, double[] open, double[] high, double[] low,
                     double[] close, double[] volume) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("interval must be positive, was " + intervalMillis + " ms");
        }
        int n = openTime.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("every column must hold the same number of bars");
        }
        this.intervalMillis = intervalMillis;
        this.openTime = openTime.clone();
        this.open = open.clone();
        this.high = high.clone();
        this.low = low.clone();
        this.close = close.clone();
        this.volume = volume.clone();
        for (int i = 0; i < n; i++) {
            check(i);
        }
        this.gaps = List.copyOf(findGaps());
        this.regular = gaps.isEmpty();
        this.firstOpenTime = n > 0 ? openTime[0] : 0;
    }

    public static BarSeries of(long intervalMillis, List<Bar> bars) {
        int n = bars.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            t[i] = bar.openTime();
            o[i] = bar.open();
            h[i] = bar.high();
            l[i] = bar.low();
            c[i] = bar.close();
            v[i] = bar.volume();
        }
        return new BarSeries(intervalMillis, t, o, h, l, c, v);
    }

    private void check(int i) {
        double o = open[i];
        double h = high[i];
        double l = low[i];
        double c = close[i];
        if (!(o > 0 && h > 0 && l > 0 && c > 0) || !Double.isFinite(o + h + l + c)) {
            throw bad(i, "prices must be finite and positive");
        }
        if (!(volume[i] >= 0) || !Double.isFinite(volume[i])) {
            throw bad(i, "volume must be finite and not negative");
        }
        if (l > Math.min(o, c) || h < Math.max(o, c)) {
            throw bad(i, "low and high must enclose open and close");
        }
        if (i > 0 && openTime[i] <= openTime[i - 1]) {
            throw bad(i, "open times must increase strictly");
        }
    }

    private IllegalArgumentException bad(int i, String reason) {
        return new IllegalArgumentException("bar " + i + " (open time " + openTime[i] + "): " + reason);
    }

    private List<Gap> findGaps() {
        List<Gap> found = new ArrayList<>();
        for (int i = 1; i < openTime.length; i++) {
            long step = openTime[i] - openTime[i - 1];
            if (step != intervalMillis) {
                found.add(new Gap(i, openTime[i - 1] + intervalMillis, openTime[i], step / intervalMillis - 1));
            }
        }
        return found;
    }

    /** The bars {@code [from, to)} as a series of their own. */
    public BarSeries slice(int from, int to) {
        return new BarSeries(intervalMillis, Arrays.copyOfRange(openTime, from, to), Arrays.copyOfRange(open, from, to),
                Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
                Arrays.copyOfRange(close, from, to), Arrays.copyOfRange(volume, from, to));
    }

    public int size() {
        return openTime.length;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public List<Gap> gaps() {
        return gaps;
    }

    public long openTime(int i) {
        if (regular) {
            Objects.checkIndex(i, openTime.length);
            return firstOpenTime + i * intervalMillis;
        }
        return openTime[i];
    }

    public double open(int i) {
        return open[i];
    }

    public double high(int i) {
        return high[i];
    }

    public double low(int i) {
        return low[i];
    }

    public double close(int i) {
        return close[i];
    }

    public double volume(int i) {
        return volume[i];
    }

    public Bar bar(int i) {
        return new Bar(openTime[i], open[i], high[i], low[i], close[i], volume[i]);
    }
}
