package io.trendline.backtest.indicator;

/** An indicator fed one value per closed bar. */
public interface Indicator {

    /** Takes the next value and answers the indicator's value including it. */
    double update(double value);

    /** The value after the last update (NaN before the first). */
    double value();

    /** Whether enough values have been seen for the value to be the full-window one. */
    boolean ready();
}
