package io.trendline.backtest.engine;

/** Which positions a backtest may open. */
public enum Directions {
    LONG_ONLY, SHORT_ONLY, LONG_AND_SHORT;

    boolean allowsLong() {
        return this != SHORT_ONLY;
    }

    boolean allowsShort() {
        return this != LONG_ONLY;
    }
}
