package io.trendline.backtest.optimize;

/**
 * Walk-forward windows: test windows of {@code testBars} tile the bars after the first {@code trainBars}, without
 * overlap; each is preceded by its training window, either the {@code trainBars} just before it ({@code ROLLING})
 * or every bar before it ({@code ANCHORED}).
 */
public record WalkForward(int trainBars, int testBars, Mode mode) {

    public enum Mode { ROLLING, ANCHORED }

    public WalkForward {
        if (trainBars < 2 || testBars < 1 || mode == null) {
            throw new IllegalArgumentException("need trainBars >= 2, testBars >= 1 and a mode");
        }
    }

    public static WalkForward rolling(int trainBars, int testBars) {
        return new WalkForward(trainBars, testBars, Mode.ROLLING);
    }

    public static WalkForward anchored(int trainBars, int testBars) {
        return new WalkForward(trainBars, testBars, Mode.ANCHORED);
    }

    /** How many test windows fit in {@code bars} bars. */
    int windows(int bars) {
        return Math.max(0, (bars - trainBars) / testBars);
    }

    int testFrom(int window) {
        return trainBars + window * testBars;
    }

    int trainFrom(int window) {
        return mode == Mode.ROLLING ? window * testBars : 0;
    }
}
