package io.trendline.backtest.engine;

/**
 * Fees as a fraction of the traded value, per side: {@code maker} for limit fills (take-profit included),
 * {@code taker} for market and stop fills.
 */
public record Fees(double maker, double taker) {

    public Fees {
        if (!(maker >= 0 && maker < 1) || !(taker >= 0 && taker < 1)) {
            throw new IllegalArgumentException("fees must be fractions in [0, 1), were maker " + maker
                    + " and taker " + taker);
        }
    }

    public static Fees none() {
        return new Fees(0, 0);
    }

    /** The same fee for makers and takers. */
    public static Fees flat(double perSide) {
        return new Fees(perSide, perSide);
    }

    public static Fees basisPoints(double makerBps, double takerBps) {
        return new Fees(makerBps / 10_000, takerBps / 10_000);
    }
}
