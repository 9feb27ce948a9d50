package io.trendline.backtest.metrics;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.EngineRun;
import io.trendline.backtest.engine.EquityCurve;
import io.trendline.backtest.engine.Trade;
import java.util.List;
import java.util.function.IntToLongFunction;

/** Computes {@link Performance} in one pass over the equity curve and one over the trades. */
public final class PerformanceCalculator {

    private static final double YEAR_MILLIS = 365.0 * 24 * 60 * 60 * 1000;

    private PerformanceCalculator() {
    }

    /** The bars of the given length in a 365-day year. */
    public static double periodsPerYear(long intervalMillis) {
        return YEAR_MILLIS / intervalMillis;
    }

    public static Performance of(EngineRun run, BarSeries bars, double initialCapital) {
        return compute(run, bars, initialCapital, true);
    }

    /** The metrics alone, without materialising the drawdown curve (for searches that only rank runs). */
    public static Metrics metricsOf(EngineRun run, BarSeries bars, double initialCapital) {
        return compute(run, bars, initialCapital, false).metrics();
    }

    private static Performance compute(EngineRun run, BarSeries bars, double initialCapital, boolean curve) {
        int from = run.from();
        int last = bars.size() - 1;
        double buyAndHold = from <= last ? bars.close(last) / bars.close(from) - 1 : Double.NaN;
        return compute(run.curve(), bars::openTime, bars.intervalMillis(), initialCapital, run.trades(),
                run.barsInMarket(), periodsPerYear(bars.intervalMillis()), buyAndHold, curve);
    }

    /** The same as the {@link EquityCurve} form, for a plain array whose first {@code from} values are ignored. */
    public static Performance compute(double[] equity, int from, IntToLongFunction openTime, long intervalMillis,
                                      double initialEquity, List<Trade> trades, long barsInMarket,
                                      double periodsPerYear, double buyAndHoldReturn, boolean curve) {
        return compute(EquityCurve.of(equity, from), openTime, intervalMillis, initialEquity, trades, barsInMarket,
                periodsPerYear, buyAndHoldReturn, curve);
    }

    /**
     * The metrics of the curve from its first trading bar on, whose returns are counted from {@code initialEquity}.
     * The initial equity counts as a peak one interval before the first bar, so a curve that is under water from
     * its first bar has been under water for one bar at that bar. A curve kept in pieces is read piece by piece,
     * each value computed as the curve would materialise it, so the figures are the same either way.
     *
     * @param openTime the open time of each bar of the curve, for drawdown durations in milliseconds
     * @param curve    whether to keep the drawdown curve
     */
    public static Performance compute(EquityCurve equity, IntToLongFunction openTime, long intervalMillis,
                                      double initialEquity, List<Trade> trades, long barsInMarket,
                                      double periodsPerYear, double buyAndHoldReturn, boolean curve) {
        int from = equity.from();
        int n = equity.size();
        double[] drawdown = curve ? new double[n - from] : null;
        // One loop for both forms: the test of the form does not change inside it, so the JIT splits the loop.
        double[] values = equity.isMaterialised() ? equity.values() : null;
        BarSeries bars = equity.bars();
        int piece = -1;
        int pieceEnd = values == null ? equity.pieceEnd(-1) : n;
        double cash = values == null ? equity.cash(-1) : 0.0;
        double held = 0.0;
        double sum = 0;
        double squares = 0;
        double downside = 0;
        double previous = initialEquity;
        double peak = initialEquity;
        double inversePeak = 1 / initialEquity;
        int peakAt = from - 1;
        double worst = 0;
        int longestFrom = from - 1;
        int longestTo = from - 1;
        for (int i = from; i < n; i++) {
            double e;
            if (values != null) {
                e = values[i];
            } else {
                while (i == pieceEnd) {
                    piece++;
                    pieceEnd = equity.pieceEnd(piece);
                    cash = equity.cash(piece);
                    held = equity.held(piece);
                }
                e = i == n - 1 ? equity.last() : cash + held * bars.close(i);
            }
            double r = e / previous - 1;
            double loss = Math.min(r, 0.0);
            sum += r;
            squares += r * r;
            downside += loss * loss;
            previous = e;
            double dd;
            if (e >= peak) {
                peak = e;
                inversePeak = 1 / e;
                peakAt = i;
                dd = 0.0;
            } else {
                dd = e * inversePeak - 1;
                worst = Math.min(worst, dd);
                // Under water since the peak: the stretch ends only at a new high (or at the end).
                if (i - peakAt > longestTo - longestFrom) {
                    longestFrom = peakAt;
                    longestTo = i;
                }
            }
            if (drawdown != null) {
                drawdown[i - from] = dd;
            }
        }
        long longestBars = longestTo - longestFrom;
        long peakTime = longestFrom >= from ? openTime.applyAsLong(longestFrom)
                : openTime.applyAsLong(from) - intervalMillis;
        long longestMillis = longestBars == 0 ? 0 : openTime.applyAsLong(longestTo) - peakTime;
        int periods = n - from;
        return new Performance(summarise(initialEquity, periods == 0 ? initialEquity : equity.last(), periods, sum,
                squares, downside, 0.0 - worst, longestBars, longestMillis, trades, barsInMarket, periodsPerYear,
                buyAndHoldReturn), drawdown);
    }

    private static Metrics summarise(double initial, double last, int periods, double sum, double squares,
                                     double downside, double maxDrawdown, long longestBars, long longestMillis,
                                     List<Trade> trades, long barsInMarket, double periodsPerYear,
                                     double buyAndHold) {
        double totalReturn = last / initial - 1;
        double years = periods / periodsPerYear;
        double cagr = last <= 0 ? -1.0 : StrictMath.pow(last / initial, 1 / years) - 1;
        double mean = sum / periods;
        double variance = periods > 1 ? (squares - sum * mean) / (periods - 1) : Double.NaN;
        double sd = Math.sqrt(variance > 0 ? variance : 0.0);
        double annualiser = Math.sqrt(periodsPerYear);
        double downsideDeviation = Math.sqrt(downside / periods);
        double sharpe = sd > 0 ? mean / sd * annualiser : Double.NaN;
        double sortino = downsideDeviation > 0 ? mean / downsideDeviation * annualiser : Double.NaN;
        double calmar = maxDrawdown > 0 ? cagr / maxDrawdown : Double.NaN;

        int wins = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        double returns = 0;
        for (Trade trade : trades) {
            double pnl = trade.pnl();
            if (pnl > 0) {
                wins++;
                grossProfit += pnl;
            } else {
                grossLoss -= pnl;
            }
            returns += trade.returnFraction();
        }
        int count = trades.size();
        double winRate = count > 0 ? (double) wins / count : Double.NaN;
        double profitFactor = grossLoss > 0 ? grossProfit / grossLoss
                : grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        double expectancy = count > 0 ? (grossProfit - grossLoss) / count : Double.NaN;
        double averageReturn = count > 0 ? returns / count : Double.NaN;
        double exposure = periods > 0 ? (double) barsInMarket / periods : Double.NaN;
        double volatility = periods > 1 ? sd * annualiser : Double.NaN;
        return new Metrics(initial, last, totalReturn, cagr, volatility, sharpe, sortino, calmar, maxDrawdown,
                longestBars, longestMillis, count, winRate, profitFactor, expectancy, averageReturn, exposure,
                buyAndHold, totalReturn - buyAndHold, periods, periodsPerYear);
    }
}
