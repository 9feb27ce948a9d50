package io.trendline.backtest.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trendline.backtest.Backtest;
import io.trendline.backtest.BacktestSpec;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.engine.Fees;
import io.trendline.backtest.engine.Sizing;
import io.trendline.backtest.engine.Trade;
import io.trendline.backtest.strategy.StrategyKind;
import io.trendline.backtest.testing.RandomWalk;
import io.trendline.backtest.testing.RealData;
import io.trendline.backtest.testing.Ta4j;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Each strategy, long only, against the same rules written in ta4j 0.17: same trades on generated bars (always
 * run) and on five years of real hourly bars.
 */
class StrategiesMatchTa4jTest {

    private static final double FEE = 0.001;

    @Test
    void everyStrategyTradesAsTa4jOnGeneratedBars() {
        // given
        BarSeries bars = RandomWalk.bars(30_000, 11, 0.003, 250);
        // when / then
        assertEveryStrategyMatches(bars, Ta4j.decimal(bars));
    }

    @Test
    void everyStrategyTradesAsTa4jOnRealBitcoinHours() {
        // given
        BarSeries bars = RealData.klines(RealData.BTC_1H);
        // when / then
        assertEveryStrategyMatches(bars, Ta4j.decimal(RealData.BTC_1H));
    }

    private static void assertEveryStrategyMatches(BarSeries bars, org.ta4j.core.BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);

        assertMatches(bars, series, StrategyKind.SMA_CROSSOVER, Map.of("fast", 20, "slow", 60),
                up(new SMAIndicator(close, 20), new SMAIndicator(close, 60)),
                down(new SMAIndicator(close, 20), new SMAIndicator(close, 60)), 60);

        assertMatches(bars, series, StrategyKind.EMA_CROSSOVER, Map.of("fast", 12, "slow", 26),
                up(new EMAIndicator(close, 12), new EMAIndicator(close, 26)),
                down(new EMAIndicator(close, 12), new EMAIndicator(close, 26)), 26);

        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        assertMatches(bars, series, StrategyKind.MACD, Map.of("fast", 12, "slow", 26, "signal", 9),
                up(macd, signal), down(macd, signal), 26 + 9 - 1);

        RSIIndicator rsi = new RSIIndicator(close, 14);
        assertMatches(bars, series, StrategyKind.RSI_MEAN_REVERSION,
                Map.of("period", 14, "oversold", 30, "overbought", 70),
                new CrossedDownIndicatorRule(rsi, 30), new CrossedUpIndicatorRule(rsi, 70), 15);

        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle,
                new StandardDeviationIndicator(close, 20), series.numOf(2));
        assertMatches(bars, series, StrategyKind.BOLLINGER_BREAKOUT, Map.of("period", 20, "stdDevs", 2),
                new CrossedUpIndicatorRule(close, upper), new CrossedDownIndicatorRule(close, middle), 20);
    }

    private static Rule up(Indicator<Num> a, Indicator<Num> b) {
        return new CrossedUpIndicatorRule(a, b);
    }

    private static Rule down(Indicator<Num> a, Indicator<Num> b) {
        return new CrossedDownIndicatorRule(a, b);
    }

    private static void assertMatches(BarSeries bars, org.ta4j.core.BarSeries series, StrategyKind kind,
                                      Map<String, Integer> parameters, Rule entry, Rule exit, int unstableBars) {
        BacktestSpec spec = BacktestSpec.of(kind, parameters, ExecutionConfig.defaults()
                .withInitialCapital(1_000_000).withFees(Fees.flat(FEE)).withSizing(Sizing.fixedQuantity(1)));
        assertThat(kind.create(parameters).warmupBars()).as("%s warm-up", kind).isEqualTo(unstableBars);

        List<Ta4jRun.Closed> theirs = Ta4jRun.run(series, entry, exit, unstableBars, FEE);
        List<Ta4jRun.Closed> ours = Backtest.run(spec, bars).trades().stream()
                .filter(t -> t.exitReason() != Trade.ExitReason.END_OF_DATA).map(Ta4jRun.Closed::of).toList();

        assertThat(theirs).as("%s trades", kind).hasSizeGreaterThan(5);
        assertThat(ours).as("%s trades", kind).hasSameSizeAs(theirs);
        for (int k = 0; k < theirs.size(); k++) {
            Ta4jRun.Closed a = ours.get(k);
            Ta4jRun.Closed b = theirs.get(k);
            assertThat(new int[] {a.entryIndex(), a.exitIndex()}).as("%s trade %d bars", kind, k)
                    .containsExactly(b.entryIndex(), b.exitIndex());
            assertThat(a.entryPrice()).as("%s trade %d entry", kind, k).isEqualTo(b.entryPrice());
            assertThat(a.exitPrice()).as("%s trade %d exit", kind, k).isEqualTo(b.exitPrice());
            assertThat(a.pnl()).as("%s trade %d profit", kind, k).isCloseTo(b.pnl(), within(1e-9 * b.entryPrice()));
        }
    }
}
