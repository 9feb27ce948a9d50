package io.trendline.backtest.metrics;

/**
 * The summary of one run. Fractions, not percent ({@code 0.05} is 5 %); {@code maxDrawdown} is positive;
 * durations in bars and in milliseconds between the bars' open times. A figure that has no meaning for the run
 * (a win rate without trades, a Sharpe ratio of a flat curve) is NaN.
 *
 * @param expectancy      the mean net profit per trade, in the quote currency
 * @param excessReturn    {@code totalReturn - buyAndHoldReturn}
 * @param exposure        the fraction of bars that closed with a position open
 */
public record Metrics(double initialEquity, double finalEquity, double totalReturn, double cagr,
                      double annualVolatility, double sharpe, double sortino, double calmar, double maxDrawdown,
                      long maxDrawdownBars, long maxDrawdownMillis, int trades, double winRate, double profitFactor,
                      double expectancy, double averageTradeReturn, double exposure, double buyAndHoldReturn,
                      double excessReturn, long bars, double periodsPerYear) {
}
