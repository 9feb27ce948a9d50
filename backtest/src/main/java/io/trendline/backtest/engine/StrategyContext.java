package io.trendline.backtest.engine;

/**
 * What a strategy sees when a bar has just closed: that bar and the ones before it (counted back with {@code ago},
 * 0 being the bar that just closed), its account, and a way to place orders. Nothing later is reachable, so a
 * strategy cannot look ahead.
 */
public interface StrategyContext {

    /** The index of the bar that just closed. */
    int index();

    long openTime(int ago);

    double open(int ago);

    double high(int ago);

    double low(int ago);

    double close(int ago);

    double volume(int ago);

    /** Signed units held: positive long, negative short. */
    double position();

    double cash();

    /** Cash plus the position valued at the close of the bar that just closed. */
    double equity();

    /** False during the warm-up bars before the configured {@code tradeFrom}, when orders are dropped. */
    boolean canTrade();

    void submit(Order order);

    /** Cancels every limit and stop order still resting. */
    void cancelOrders();
}
