package io.trendline.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trendline.backtest.engine.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerformanceCalculatorTest {

    private static final long MINUTE = 60_000;
    private static final long DAY = 86_400_000;

    @Test
    void drawdownIsMeasuredFromTheRunningPeakAndLastsUntilANewHigh() {
        // given: peak 120 at bar 1, under water at bars 2-4 (worst 90), a new high at 5, then 100
        double[] equity = {100, 120, 90, 96, 110, 125, 100};
        // when
        Performance p = compute(equity, 100, MINUTE, List.of(), 0, Double.NaN);
        // then
        assertThat(p.metrics().maxDrawdown()).isEqualTo(0.25);
        assertThat(p.metrics().maxDrawdownBars()).isEqualTo(3);
        assertThat(p.metrics().maxDrawdownMillis()).isEqualTo(3 * MINUTE);
        assertThat(p.drawdown()).containsExactly(new double[] {0, 0, -0.25, 96.0 / 120 - 1, 110.0 / 120 - 1, 0,
            100.0 / 125 - 1}, within(1e-15));
        assertThat(p.metrics().totalReturn()).isEqualTo(0);
    }

    @Test
    void tradeStatisticsCountWinsLossesAndTheirSums() {
        // given
        List<Trade> trades = List.of(trade(10, 0.1), trade(-5, -0.05), trade(20, 0.2), trade(-2.5, -0.025));
        // when
        Metrics m = compute(new double[] {100, 101}, 100, DAY, trades, 1, 0.005).metrics();
        // then
        assertThat(m.trades()).isEqualTo(4);
        assertThat(m.winRate()).isEqualTo(0.5);
        assertThat(m.profitFactor()).isEqualTo(4);
        assertThat(m.expectancy()).isEqualTo(5.625);
        assertThat(m.averageTradeReturn()).isCloseTo(0.05625, within(1e-15));
        assertThat(m.exposure()).isEqualTo(0.5);
        assertThat(m.buyAndHoldReturn()).isEqualTo(0.005);
        assertThat(m.excessReturn()).isCloseTo(0.005, within(1e-15));
    }

    @Test
    void withoutTradesOrMovementTheRatiosAreNaNNotZero() {
        // when
        Metrics m = compute(new double[] {100, 100, 100}, 100, DAY, List.of(), 0, 0).metrics();
        // then
        assertThat(new double[] {m.sharpe(), m.sortino(), m.calmar(), m.winRate(), m.profitFactor()})
                .containsOnly(Double.NaN);
        assertThat(m.maxDrawdown()).isZero();
    }

    @Test
    void returnAndRiskFiguresMatchAStraightforwardTwoPassComputation() {
        SplittableRandom random = new SplittableRandom(8);
        for (int run = 0; run < 20; run++) {
            // given a random daily curve
            int n = 200 + random.nextInt(2_000);
            double[] equity = new double[n];
            double level = 10_000;
            for (int i = 0; i < n; i++) {
                level *= 1 + random.nextGaussian() * 0.02 + 0.0005;
                equity[i] = level;
            }
            // when
            Metrics m = compute(equity, 10_000, DAY, List.of(), 0, 0).metrics();
            // then
            Reference r = new Reference(equity, 10_000, 365);
            assertThat(m.totalReturn()).isCloseTo(equity[n - 1] / 10_000 - 1, within(1e-12));
            assertThat(m.cagr()).isCloseTo(r.cagr, within(1e-9));
            assertThat(m.annualVolatility()).isCloseTo(r.volatility, within(1e-9));
            assertThat(m.sharpe()).isCloseTo(r.sharpe, within(1e-9));
            assertThat(m.sortino()).isCloseTo(r.sortino, within(1e-9));
            assertThat(m.maxDrawdown()).isCloseTo(r.maxDrawdown, within(1e-12));
            assertThat(m.calmar()).isCloseTo(r.cagr / r.maxDrawdown, within(1e-9));
        }
    }

    /** The textbook definitions, written independently: two passes, no running sums. */
    private static final class Reference {
        final double cagr;
        final double volatility;
        final double sharpe;
        final double sortino;
        final double maxDrawdown;

        Reference(double[] equity, double initial, double periodsPerYear) {
            double[] returns = new double[equity.length];
            for (int i = 0; i < equity.length; i++) {
                returns[i] = equity[i] / (i == 0 ? initial : equity[i - 1]) - 1;
            }
            double mean = Arrays.stream(returns).average().orElseThrow();
            double variance = Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum() / (returns.length - 1);
            double downside = Math.sqrt(Arrays.stream(returns).map(r -> Math.min(r, 0) * Math.min(r, 0)).sum()
                    / returns.length);
            cagr = Math.pow(equity[equity.length - 1] / initial, periodsPerYear / equity.length) - 1;
            volatility = Math.sqrt(variance) * Math.sqrt(periodsPerYear);
            sharpe = mean / Math.sqrt(variance) * Math.sqrt(periodsPerYear);
            sortino = mean / downside * Math.sqrt(periodsPerYear);
            double peak = initial;
            double worst = 0;
            for (double e : equity) {
                peak = Math.max(peak, e);
                worst = Math.max(worst, 1 - e / peak);
            }
            maxDrawdown = worst;
        }
    }

    private static Performance compute(double[] equity, double initial, long interval, List<Trade> trades,
                                       long inMarket, double buyAndHold) {
        long[] times = new long[equity.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * interval;
        }
        return PerformanceCalculator.compute(equity, 0, i -> times[i], interval, initial, new ArrayList<>(trades),
                inMarket, PerformanceCalculator.periodsPerYear(interval), buyAndHold, true);
    }

    private static Trade trade(double pnl, double returnFraction) {
        return new Trade(Trade.Side.LONG, 1, 0, 0, 100, 0, 1, 1, 100 + pnl, 0, pnl, returnFraction,
                Trade.ExitReason.SIGNAL);
    }
}
