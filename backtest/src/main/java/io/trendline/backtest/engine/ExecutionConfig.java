package io.trendline.backtest.engine;

/**
 * Everything about how a backtest trades, apart from the strategy: capital, fill timing, costs, sizing, protective
 * exits, allowed directions. Bars before {@code tradeFrom} only warm the strategy up: orders placed on them are
 * dropped and the equity curve starts at {@code tradeFrom}. With {@code closeAtEnd} a position still open after
 * the last bar is closed at its close (reason {@code END_OF_DATA}), so that every result is a list of closed trades.
 */
public record ExecutionConfig(double initialCapital, Fill fill, Fees fees, Slippage slippage, Sizing sizing,
                              Exits exits, Directions directions, int tradeFrom, boolean closeAtEnd) {

    public ExecutionConfig {
        if (!(initialCapital > 0) || !Double.isFinite(initialCapital)) {
            throw new IllegalArgumentException("initial capital must be positive and finite, was " + initialCapital);
        }
        if (fill == null || fees == null || slippage == null || sizing == null || exits == null
                || directions == null) {
            throw new IllegalArgumentException("fill, fees, slippage, sizing, exits and directions are required");
        }
        if (tradeFrom < 0) {
            throw new IllegalArgumentException("tradeFrom must be >= 0, was " + tradeFrom);
        }
        if (sizing.kind() == Sizing.Kind.FIXED_FRACTIONAL_RISK && exits.stopLoss() == 0) {
            throw new IllegalArgumentException("fixed fractional risk sizing needs a stop-loss");
        }
    }

    /** 10,000 of capital, all of it in each trade, long only, filled at the next open, no costs, no exits. */
    public static ExecutionConfig defaults() {
        return new ExecutionConfig(10_000, Fill.NEXT_OPEN, Fees.none(), Slippage.none(), Sizing.percentOfEquity(1),
                Exits.none(), Directions.LONG_ONLY, 0, true);
    }

    public ExecutionConfig withInitialCapital(double capital) {
        return new ExecutionConfig(capital, fill, fees, slippage, sizing, exits, directions, tradeFrom, closeAtEnd);
    }

    public ExecutionConfig withFill(Fill value) {
        return new ExecutionConfig(initialCapital, value, fees, slippage, sizing, exits, directions, tradeFrom,
                closeAtEnd);
    }

    public ExecutionConfig withFees(Fees value) {
        return new ExecutionConfig(initialCapital, fill, value, slippage, sizing, exits, directions, tradeFrom,
                closeAtEnd);
    }

    public ExecutionConfig withSlippage(Slippage value) {
        return new ExecutionConfig(initialCapital, fill, fees, value, sizing, exits, directions, tradeFrom,
                closeAtEnd);
    }

    public ExecutionConfig withSizing(Sizing value) {
        return new ExecutionConfig(initialCapital, fill, fees, slippage, value, exits, directions, tradeFrom,
                closeAtEnd);
    }

    public ExecutionConfig withExits(Exits value) {
        return new ExecutionConfig(initialCapital, fill, fees, slippage, sizing, value, directions, tradeFrom,
                closeAtEnd);
    }

    public ExecutionConfig withDirections(Directions value) {
        return new ExecutionConfig(initialCapital, fill, fees, slippage, sizing, exits, value, tradeFrom,
                closeAtEnd);
    }

    public ExecutionConfig withTradeFrom(int value) {
        return new ExecutionConfig(initialCapital, fill, fees, slippage, sizing, exits, directions, value,
                closeAtEnd);
    }

    public ExecutionConfig withCloseAtEnd(boolean value) {
        return new ExecutionConfig(initialCapital, fill, fees, slippage, sizing, exits, directions, tradeFrom,
                value);
    }
}
