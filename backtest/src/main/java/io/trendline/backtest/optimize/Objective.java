package io.trendline.backtest.optimize;

import io.trendline.backtest.metrics.Metrics;
import java.util.function.ToDoubleFunction;

/** What a search maximises; a NaN score (no trades, a flat curve) ranks below every number. */
public enum Objective {
    TOTAL_RETURN(Metrics::totalReturn),
    CAGR(Metrics::cagr),
    SHARPE(Metrics::sharpe),
    SORTINO(Metrics::sortino),
    CALMAR(Metrics::calmar),
    PROFIT_FACTOR(Metrics::profitFactor),
    EXPECTANCY(Metrics::expectancy),
    EXCESS_RETURN(Metrics::excessReturn),
    /** The smallest maximum drawdown wins. */
    MAX_DRAWDOWN(m -> -m.maxDrawdown());

    private final ToDoubleFunction<Metrics> score;

    Objective(ToDoubleFunction<Metrics> score) {
        this.score = score;
    }

    /** Higher is better. */
    public double score(Metrics metrics) {
        return score.applyAsDouble(metrics);
    }

    static boolean better(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a > b);
    }
}
