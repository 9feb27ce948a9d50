package io.trendline.backtest.engine;

/**
 * Protective exits attached to every position, as fractions of the entry price (0 = off): a stop-loss, a
 * take-profit and a trailing stop that follows the best price seen since entry. When a stop and the take-profit are
 * both reached inside one bar, the stop is assumed to come first (the bar does not say which came first).
 */
public record Exits(double stopLoss, double takeProfit, double trailingStop) {

    public Exits {
        check("stop-loss", stopLoss, true);
        check("take-profit", takeProfit, false);
        check("trailing stop", trailingStop, true);
    }

    private static void check(String name, double value, boolean belowOne) {
        if (!(value >= 0) || !Double.isFinite(value) || (belowOne && value >= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction >= 0" + (belowOne ? " and < 1" : "")
                    + ", was " + value);
        }
    }

    public static Exits none() {
        return new Exits(0, 0, 0);
    }

    boolean any() {
        return stopLoss > 0 || takeProfit > 0 || trailingStop > 0;
    }
}
