package io.trendline.api.backtest;

import io.trendline.api.strategy.StrategyType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Searches a strategy type's parameters over stored bars: every point of the sweeps ({@code GRID}) or a seeded
 * random sample of them ({@code RANDOM}, {@code samples} points), ranked by {@code objective} (TOTAL_RETURN, CAGR,
 * SHARPE, SORTINO, CALMAR, PROFIT_FACTOR, EXPECTANCY, EXCESS_RETURN or MAX_DRAWDOWN). With {@code walkForward}, the
 * bars are walked through in training and test windows and the out-of-sample result is reported too. Parameters not
 * swept keep {@code fixed}'s values (or the type's defaults). Progress is reported under {@code optimisationId}
 * (follow it with {@link FollowBacktestQuery}). Answered with an {@link OptimisationResult}; nothing is recorded.
 */
public record OptimizeStrategyQuery(String optimisationId, StrategyType type, String symbol,
                                    Map<String, BigDecimal> fixed, Map<String, ParameterSweep> sweeps,
                                    String interval, Instant from, Instant to, BigDecimal initialCapital,
                                    BigDecimal feeBps, BigDecimal slippageBps, String objective, String search,
                                    int samples, long seed, WalkForwardPlan walkForward) {

    /** The values {@code from}, {@code from + step}, … up to {@code to} inclusive. */
    public record ParameterSweep(BigDecimal from, BigDecimal to, BigDecimal step) {
    }

    /** Rolling windows of {@code trainBars} to choose on and {@code testBars} to test the choice on. */
    public record WalkForwardPlan(int trainBars, int testBars) {
    }
}
