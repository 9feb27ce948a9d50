package io.trendline.backtest.indicator;

/**
 * Detects one series crossing another, as ta4j's cross rules do: {@code a} crosses up when it is above {@code b} now
 * and was below {@code b} the last time the two differed (bars where they are equal are looked through).
 */
public final class Cross {

    public static final int UP = 1;
    public static final int DOWN = -1;

    private int lastSide;

    /** {@link #UP}, {@link #DOWN} or 0; NaN values change nothing. */
    public int update(double a, double b) {
        int side = a > b ? 1 : a < b ? -1 : 0;
        if (side == 0) {
            return 0;
        }
        int crossed = lastSide != 0 && side != lastSide ? side : 0;
        lastSide = side;
        return crossed;
    }
}
