package io.trendline.api.backtest;

import java.time.Instant;

/**
 * One closed position: fill prices include slippage, {@code pnl} is net of both fees, {@code returnFraction} is
 * {@code pnl} over the entry value; {@code exitReason} is SIGNAL, STOP_LOSS, TRAILING_STOP, TAKE_PROFIT or
 * END_OF_DATA.
 */
public record BacktestTrade(int number, String side, double quantity, Instant entryTime, double entryPrice,
                            double entryFee, Instant exitTime, double exitPrice, double exitFee, double pnl,
                            double returnFraction, String exitReason) {
}
