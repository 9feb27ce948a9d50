package io.trendline.backtest.engine;

/**
 * How many units an entry buys or sells short. {@code FIXED_QUANTITY}: {@code value} units, whatever the cash (so it
 * can lever). {@code PERCENT_OF_EQUITY}: {@code value} (a fraction, at most 1) of the equity, fee included.
 * {@code FIXED_FRACTIONAL_RISK}: as many units as lose {@code value} of the equity if the stop-loss is hit, capped at
 * the whole equity; needs a stop-loss.
 */
public record Sizing(Kind kind, double value) {

    public enum Kind { FIXED_QUANTITY, PERCENT_OF_EQUITY, FIXED_FRACTIONAL_RISK }

    public Sizing {
        if (kind == null || !(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("sizing needs a kind and a positive finite value, was " + value);
        }
        if (kind != Kind.FIXED_QUANTITY && value > 1) {
            throw new IllegalArgumentException(kind + " takes a fraction of equity in (0, 1], was " + value);
        }
    }

    public static Sizing fixedQuantity(double units) {
        return new Sizing(Kind.FIXED_QUANTITY, units);
    }

    public static Sizing percentOfEquity(double fraction) {
        return new Sizing(Kind.PERCENT_OF_EQUITY, fraction);
    }

    public static Sizing fixedFractionalRisk(double fractionAtRisk) {
        return new Sizing(Kind.FIXED_FRACTIONAL_RISK, fractionAtRisk);
    }
}
