package io.trendline.backtest.engine;

/**
 * One closed position. Prices are fill prices (slippage included); {@code pnl} is net of both fees;
 * {@code returnFraction} is {@code pnl} over the entry value.
 */
public record Trade(Side side, double quantity, int entryIndex, long entryTime, double entryPrice, double entryFee,
                    int exitIndex, long exitTime, double exitPrice, double exitFee, double pnl,
                    double returnFraction, ExitReason exitReason) {

    public enum Side { LONG, SHORT }

    public enum ExitReason { SIGNAL, STOP_LOSS, TRAILING_STOP, TAKE_PROFIT, END_OF_DATA }
}
