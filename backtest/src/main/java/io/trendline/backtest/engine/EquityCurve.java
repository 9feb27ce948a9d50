package io.trendline.backtest.engine;

import java.util.Arrays;

/**
 * Equity at each bar's close from the first trading bar on. The fast path keeps it in pieces: from each fill bar
 * on, the equity is {@code cash + held * close}, with one constant cash and position per piece, until the next
 * piece; only the last bar may differ (a position closed at the end). {@link #values()} materialises the array on
 * first use; a pass that only needs each value once ({@code PerformanceCalculator}) reads the pieces and skips the
 * array. Either way every value is computed with the same arithmetic, so both give the same bits.
 */
public final class EquityCurve {

    private final BarSeries bars;
    private final int from;
    private final double initial;
    private final int pieces;
    private final int[] pieceStart;
    private final double[] pieceCash;
    private final double[] pieceHeld;
    private final double last;
    private double[] values;

    private EquityCurve(BarSeries bars, int from, double initial, int pieces, int[] pieceStart, double[] pieceCash,
                        double[] pieceHeld, double last, double[] values) {
        this.bars = bars;
        this.from = from;
        this.initial = initial;
        this.pieces = pieces;
        this.pieceStart = pieceStart;
        this.pieceCash = pieceCash;
        this.pieceHeld = pieceHeld;
        this.last = last;
        this.values = values;
    }

    /** A materialised curve: {@code values[i]} for every bar, the first {@code from} of them the initial capital. */
    public static EquityCurve of(double[] values, int from) {
        return new EquityCurve(null, from, Double.NaN, 0, null, null, null, values[values.length - 1], values);
    }

    /**
     * A curve in pieces over {@code bars}: before {@code starts[0]} the equity is {@code initial} in cash; from
     * {@code starts[k]} on it is {@code cash[k] + held[k] * close}; the last bar's value is {@code last}.
     */
    static EquityCurve pieces(BarSeries bars, int from, double initial, int count, int[] starts, double[] cash,
                              double[] held, double last) {
        return new EquityCurve(bars, from, initial, count, starts, cash, held, last, null);
    }

    /** The index of the first trading bar; the values before it are the initial capital. */
    public int from() {
        return from;
    }

    public int size() {
        return values != null ? values.length : bars.size();
    }

    public double last() {
        return last;
    }

    public boolean isMaterialised() {
        return values != null;
    }

    /** Every bar's equity (the array is shared: do not change it). */
    public synchronized double[] values() {
        if (values == null) {
            double[] all = new double[bars.size()];
            Arrays.fill(all, 0, from, initial);
            for (int k = -1; k < pieces; k++) {
                int start = Math.max(from, k < 0 ? from : pieceStart[k]);
                int end = pieceEnd(k);
                double cash = cash(k);
                double held = held(k);
                for (int i = start; i < end; i++) {
                    all[i] = cash + held * bars.close(i);
                }
            }
            all[all.length - 1] = last;
            values = all;
        }
        return values;
    }

    /** The number of pieces after the initial all-cash one (which is piece -1). */
    public int pieces() {
        return pieces;
    }

    /** The bar after piece {@code k}'s last one. */
    public int pieceEnd(int k) {
        return k + 1 < pieces ? pieceStart[k + 1] : bars.size();
    }

    public int pieceStart(int k) {
        return k < 0 ? from : pieceStart[k];
    }

    public double cash(int k) {
        return k < 0 ? initial : pieceCash[k];
    }

    public double held(int k) {
        return k < 0 ? 0.0 : pieceHeld[k];
    }

    public BarSeries bars() {
        return bars;
    }
}
