package io.trendline.backtest.engine;

/**
 * How far a market or stop fill lands from the quoted price, against the trader: a fixed number of basis points,
 * or {@code multiplier} times the standard deviation of the last {@code lookback} bar-to-bar returns known when the
 * order fills. Limit fills get no slippage.
 */
public record Slippage(Kind kind, double value, int lookback) {

    public enum Kind { NONE, BASIS_POINTS, VOLATILITY }

    public Slippage {
        if (kind == null || !(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("slippage needs a kind and a finite value >= 0, was " + value);
        }
        if (kind == Kind.VOLATILITY && lookback < 2) {
            throw new IllegalArgumentException("volatility slippage needs a lookback of at least 2 bars");
        }
    }

    public static Slippage none() {
        return new Slippage(Kind.NONE, 0, 0);
    }

    public static Slippage basisPoints(double bps) {
        return new Slippage(Kind.BASIS_POINTS, bps, 0);
    }

    public static Slippage volatility(double multiplier, int lookback) {
        return new Slippage(Kind.VOLATILITY, multiplier, lookback);
    }
}
