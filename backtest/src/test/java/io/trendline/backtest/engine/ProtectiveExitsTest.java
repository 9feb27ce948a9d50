package io.trendline.backtest.engine;

import static io.trendline.backtest.engine.Order.Intent.ENTER_LONG;
import static io.trendline.backtest.engine.Order.Intent.ENTER_SHORT;
import static io.trendline.backtest.testing.Bars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trendline.backtest.engine.Trade.ExitReason;
import io.trendline.backtest.testing.Bars;
import org.junit.jupiter.api.Test;

class ProtectiveExitsTest {

    private static final ExecutionConfig ONE_UNIT = ExecutionConfig.defaults().withInitialCapital(1000)
            .withSizing(Sizing.fixedQuantity(1)).withDirections(Directions.LONG_AND_SHORT);

    @Test
    void aStopLossSellsAtItsLevelWhenALowReachesIt() {
        // given entry at 100, stop 5 % below
        BarSeries bars = Bars.minutes(bar(99, 100, 98, 99), bar(100, 101, 99, 100), bar(100, 101, 96, 97),
                bar(97, 98, 94, 95), bar(95, 96, 94, 95));
        // when
        Trade trade = onlyTrade(bars, ONE_UNIT.withExits(new Exits(0.05, 0, 0)), ENTER_LONG);
        // then
        assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(trade.exitIndex()).isEqualTo(3);
        assertThat(trade.exitPrice()).isEqualTo(95);
    }

    @Test
    void aBarOpeningThroughTheStopFillsAtTheOpen() {
        // given entry at 100, stop at 95, a gap down to 90
        BarSeries bars = Bars.minutes(bar(99, 100, 98, 99), bar(100, 101, 99, 100), bar(90, 92, 89, 91),
                bar(91, 92, 90, 91));
        // when
        Trade trade = onlyTrade(bars, ONE_UNIT.withExits(new Exits(0.05, 0, 0)), ENTER_LONG);
        // then
        assertThat(trade.exitIndex()).isEqualTo(2);
        assertThat(trade.exitPrice()).isEqualTo(90);
    }

    @Test
    void aTakeProfitSellsAtItsLevelWithTheMakerFee() {
        // given entry at 100, target 10 % above
        BarSeries bars = Bars.minutes(bar(99, 100, 98, 99), bar(100, 101, 99, 100), bar(104, 111, 103, 109),
                bar(109, 110, 108, 109));
        ExecutionConfig config = ONE_UNIT.withExits(new Exits(0, 0.1, 0)).withFees(new Fees(0.0001, 0.001));
        // when
        Trade trade = onlyTrade(bars, config, ENTER_LONG);
        // then
        assertThat(trade.exitReason()).isEqualTo(ExitReason.TAKE_PROFIT);
        assertThat(trade.exitPrice()).isCloseTo(110, within(1e-9));
        assertThat(trade.exitFee()).isCloseTo(110 * 0.0001, within(1e-12));
    }

    @Test
    void whenABarReachesBothTheStopAndTheTargetTheStopIsAssumedFirst() {
        // given
        BarSeries bars = Bars.minutes(bar(99, 100, 98, 99), bar(100, 101, 99, 100), bar(100, 115, 90, 100),
                bar(100, 101, 99, 100));
        // when
        Trade trade = onlyTrade(bars, ONE_UNIT.withExits(new Exits(0.05, 0.1, 0)), ENTER_LONG);
        // then
        assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(trade.exitPrice()).isEqualTo(95);
    }

    @Test
    void aTrailingStopFollowsTheHighestHighOfEarlierBars() {
        // given entry at 100, trail 10 %: highs 120 then 130 lift the stop to 117 before bar 4 falls to 110
        BarSeries bars = Bars.minutes(bar(99, 100, 98, 99), bar(100, 120, 99, 119), bar(119, 130, 118, 125),
                bar(125, 126, 118, 120), bar(120, 121, 110, 112), bar(112, 113, 111, 112));
        // when
        Trade trade = onlyTrade(bars, ONE_UNIT.withExits(new Exits(0, 0, 0.1)), ENTER_LONG);
        // then
        assertThat(trade.exitReason()).isEqualTo(ExitReason.TRAILING_STOP);
        assertThat(trade.exitIndex()).isEqualTo(4);
        assertThat(trade.exitPrice()).isCloseTo(117, within(1e-9));
    }

    @Test
    void aShortsStopLossBuysBackAboveTheEntry() {
        // given a short at 100, stop 5 % above
        BarSeries bars = Bars.minutes(bar(99, 100, 98, 99), bar(100, 101, 99, 100), bar(100, 106, 99, 104),
                bar(104, 105, 103, 104));
        // when
        Trade trade = onlyTrade(bars, ONE_UNIT.withExits(new Exits(0.05, 0, 0)), ENTER_SHORT);
        // then
        assertThat(trade.side()).isEqualTo(Trade.Side.SHORT);
        assertThat(trade.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(trade.exitPrice()).isEqualTo(105);
        assertThat(trade.pnl()).isEqualTo(-5);
    }

    private static Trade onlyTrade(BarSeries bars, ExecutionConfig config, Order.Intent entry) {
        EngineRun run = BarByBarEngine.run(bars, config, Scripted.at(0, Order.market(entry)));
        assertThat(run.trades()).hasSize(1);
        return run.trades().get(0);
    }
}
