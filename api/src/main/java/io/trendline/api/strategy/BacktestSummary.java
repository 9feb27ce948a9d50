package io.trendline.api.strategy;

import java.time.Instant;

/**
 * The figures of a finished run. Returns and drawdowns are fractions ({@code 0.05} is 5 %), money in the quote
 * currency. A figure without meaning for the run (a win rate without trades, the Sharpe ratio of a flat curve) is
 * {@code null}. {@code bars} counts the bars traded on; {@code warmupBars} those before the range that only warmed
 * the indicators up; {@code gaps} the holes found in the data (reported, never filled).
 */
public record BacktestSummary(long bars, int warmupBars, Instant firstBar, Instant lastBar, int gaps,
                              Double initialEquity, Double finalEquity, Double totalReturn, Double cagr,
                              Double annualVolatility, Double sharpe, Double sortino, Double calmar,
                              Double maxDrawdown, long maxDrawdownBars, int trades, Double winRate,
                              Double profitFactor, Double expectancy, Double averageTradeReturn, Double exposure,
                              Double buyAndHoldReturn, Double excessReturn) {
}
