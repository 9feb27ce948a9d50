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
import io.trendline.backtest.testing.RealData;
import io.trendline.backtest.testing.Ta4j;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The acceptance check: SMA(10)/SMA(50) crossover on the real 2025 one-minute BTCUSDT bars, long only, one
 * unit a trade, 0.1 % fee per side, filled at the next bar's open, gives the same trades as ta4j 0.17 (exact
 * decimals) under the same rules: same bars in and out, same prices, same net profit.
 */
class SmaCrossoverMatchesTa4jOnRealBitcoinTest {

    @Test
    void smaCrossoverTradesEqualTa4jTradeByTrade() {
        // given
        BarSeries bars = RealData.klines(RealData.BTC_1M);
        org.ta4j.core.BarSeries series = Ta4j.decimal(RealData.BTC_1M);
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 50);
        BacktestSpec spec = BacktestSpec.of(StrategyKind.SMA_CROSSOVER, Map.of("fast", 10, "slow", 50),
                ExecutionConfig.defaults().withInitialCapital(1_000_000).withFees(Fees.flat(0.001))
                        .withSizing(Sizing.fixedQuantity(1)));

        // when
        List<Ta4jRun.Closed> theirs = Ta4jRun.run(series, new CrossedUpIndicatorRule(fast, slow),
                new CrossedDownIndicatorRule(fast, slow), 50, 0.001);
        List<Ta4jRun.Closed> ours = Backtest.run(spec, bars).trades().stream()
                .filter(t -> t.exitReason() != Trade.ExitReason.END_OF_DATA).map(Ta4jRun.Closed::of).toList();

        // then
        System.out.println("ta4j parity, SMA(10)/SMA(50) on " + RealData.BTC_1M + ": " + theirs.size()
                + " trades compared");
        assertThat(theirs).hasSizeGreaterThan(1000);
        assertThat(ours).hasSameSizeAs(theirs);
        for (int k = 0; k < theirs.size(); k++) {
            Ta4jRun.Closed a = ours.get(k);
            Ta4jRun.Closed b = theirs.get(k);
            assertThat(a.entryIndex()).as("entry bar of trade %d", k).isEqualTo(b.entryIndex());
            assertThat(a.exitIndex()).as("exit bar of trade %d", k).isEqualTo(b.exitIndex());
            assertThat(a.entryPrice()).as("entry price of trade %d", k).isEqualTo(b.entryPrice());
            assertThat(a.exitPrice()).as("exit price of trade %d", k).isEqualTo(b.exitPrice());
            assertThat(a.pnl()).as("net profit of trade %d", k).isCloseTo(b.pnl(), within(1e-9));
        }
    }
}
