package io.trendline.backtest.engine;

import static io.trendline.backtest.engine.Order.Intent.ENTER_LONG;
import static io.trendline.backtest.engine.Order.Intent.ENTER_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.trendline.backtest.engine.Trade.ExitReason;
import io.trendline.backtest.testing.Bars;
import org.junit.jupiter.api.Test;

class SizingAndDirectionsTest {

    private static final BarSeries BARS = Bars.flat(100, 100, 110, 120, 90, 95);

    @Test
    void percentOfEquityBuysThatShareOfTheEquityFeeIncluded() {
        // given
        ExecutionConfig config = ExecutionConfig.defaults().withInitialCapital(1000).withFees(Fees.flat(0.001))
                .withSizing(Sizing.percentOfEquity(0.5));
        // when
        EngineRun run = BarByBarEngine.run(BARS, config, Scripted.at(0, Order.market(ENTER_LONG)));
        // then
        Trade trade = run.trades().get(0);
        assertThat(trade.quantity()).isCloseTo(500 / (100 * 1.001), within(1e-12));
        assertThat(trade.quantity() * 100 + trade.entryFee()).isCloseTo(500, within(1e-9));
    }

    @Test
    void fixedFractionalRiskSizesSoThatTheStopLosesThatShareOfEquity() {
        // given 1 % of 1000 at risk with a 5 % stop at 100: 10 / 5 = 2 units
        ExecutionConfig config = ExecutionConfig.defaults().withInitialCapital(1000)
                .withExits(new Exits(0.05, 0, 0)).withSizing(Sizing.fixedFractionalRisk(0.01));
        // when
        EngineRun run = BarByBarEngine.run(BARS, config, Scripted.at(0, Order.market(ENTER_LONG)));
        // then
        assertThat(run.trades().get(0).quantity()).isCloseTo(2, within(1e-12));
    }

    @Test
    void fixedFractionalRiskNeverBuysMoreThanTheEquity() {
        // given 50 % at risk with a 1 % stop would be 50 times the equity
        ExecutionConfig config = ExecutionConfig.defaults().withInitialCapital(1000)
                .withExits(new Exits(0.01, 0, 0)).withSizing(Sizing.fixedFractionalRisk(0.5));
        // when
        EngineRun run = BarByBarEngine.run(BARS, config, Scripted.at(0, Order.market(ENTER_LONG)));
        // then
        assertThat(run.trades().get(0).quantity()).isCloseTo(10, within(1e-12));
    }

    @Test
    void aShortGainsWhenThePriceFalls() {
        // given
        ExecutionConfig config = ExecutionConfig.defaults().withInitialCapital(1000)
                .withSizing(Sizing.fixedQuantity(2)).withDirections(Directions.SHORT_ONLY);
        // when: short at 120 (open of bar 3), cover at 90 (open of bar 4)
        EngineRun run = BarByBarEngine.run(BARS, config, Scripted.at(2, Order.market(ENTER_SHORT))
                .and(3, Order.market(Order.Intent.EXIT_SHORT)));
        // then
        Trade trade = run.trades().get(0);
        assertThat(trade.side()).isEqualTo(Trade.Side.SHORT);
        assertThat(trade.pnl()).isEqualTo(60);
        assertThat(run.equity()[5]).isEqualTo(1060);
    }

    @Test
    void anEntryAgainstAnOpenPositionReversesIt() {
        // given
        ExecutionConfig config = ExecutionConfig.defaults().withInitialCapital(1000)
                .withSizing(Sizing.fixedQuantity(1)).withDirections(Directions.LONG_AND_SHORT);
        // when: long at 100, reversed to short at 120, closed at the end at 95
        EngineRun run = BarByBarEngine.run(BARS, config, Scripted.at(0, Order.market(ENTER_LONG))
                .and(2, Order.market(ENTER_SHORT)));
        // then
        assertThat(run.trades()).extracting(Trade::side, Trade::pnl, Trade::exitReason).containsExactly(
                tuple(Trade.Side.LONG, 20.0, ExitReason.SIGNAL),
                tuple(Trade.Side.SHORT, 25.0, ExitReason.END_OF_DATA));
    }

    @Test
    void longOnlyIgnoresShortEntries() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, ExecutionConfig.defaults(),
                Scripted.at(0, Order.market(ENTER_SHORT)));
        // then
        assertThat(run.trades()).isEmpty();
    }

    @Test
    void ordersBeforeTradeFromAreDroppedAndTheCurveStartsThere() {
        // given
        ExecutionConfig config = ExecutionConfig.defaults().withInitialCapital(1000).withTradeFrom(2);
        // when
        EngineRun run = BarByBarEngine.run(BARS, config, Scripted.at(0, Order.market(ENTER_LONG))
                .and(1, Order.market(ENTER_LONG)));
        // then
        assertThat(run.trades()).isEmpty();
        assertThat(run.from()).isEqualTo(2);
    }

    @Test
    void withoutCloseAtEndTheLastPositionStaysOpenAndMarked() {
        // given
        ExecutionConfig config = ExecutionConfig.defaults().withInitialCapital(1000)
                .withSizing(Sizing.fixedQuantity(1)).withCloseAtEnd(false);
        // when
        EngineRun run = BarByBarEngine.run(BARS, config, Scripted.at(0, Order.market(ENTER_LONG)));
        // then
        assertThat(run.trades()).isEmpty();
        assertThat(run.equity()[5]).isEqualTo(995);
        assertThat(run.barsInMarket()).isEqualTo(5);
    }
}
