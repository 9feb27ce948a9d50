package io.trendline.backtest.engine;

/** When a market order placed at a bar's close is filled. */
public enum Fill {
    /** At the next bar's open: the default, since a strategy decides only once a bar has closed. */
    NEXT_OPEN,
    /** At the deciding bar's own close, as if the order reached the market the instant the bar closed. */
    THIS_CLOSE
}
