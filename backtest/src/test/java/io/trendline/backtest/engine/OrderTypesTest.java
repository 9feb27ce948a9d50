package io.trendline.backtest.engine;

import static io.trendline.backtest.engine.Order.Intent.ENTER_LONG;
import static io.trendline.backtest.engine.Order.Intent.ENTER_SHORT;
import static io.trendline.backtest.engine.Order.Intent.EXIT_LONG;
import static io.trendline.backtest.testing.Bars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trendline.backtest.testing.Bars;
import org.junit.jupiter.api.Test;

class OrderTypesTest {

    private static final ExecutionConfig CONFIG = ExecutionConfig.defaults().withInitialCapital(1000)
            .withSizing(Sizing.fixedQuantity(1)).withFees(new Fees(0.0001, 0.001))
            .withDirections(Directions.LONG_AND_SHORT);

    private static final BarSeries BARS = Bars.minutes(bar(100, 101, 99, 100), bar(100, 101, 97, 98),
            bar(98, 99, 94, 95), bar(93, 96, 92, 95), bar(96, 110, 95, 108));

    @Test
    void aBuyLimitFillsAtItsPriceOnceALowReachesItWithTheMakerFee() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, CONFIG, Scripted.at(0, Order.limit(ENTER_LONG, 95)));
        // then the low of bar 1 (97) does not reach 95, bar 2's low (94) does
        Trade trade = only(run);
        assertThat(trade.entryIndex()).isEqualTo(2);
        assertThat(trade.entryPrice()).isEqualTo(95);
        assertThat(trade.entryFee()).isCloseTo(95 * 0.0001, within(1e-15));
        assertThat(run.equity()[2]).isCloseTo(1000 - 95 * 0.0001, within(1e-12));
    }

    @Test
    void aBuyLimitFillsAtTheOpenWhenTheBarOpensBelowIt() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, CONFIG, Scripted.at(2, Order.limit(ENTER_LONG, 94)));
        // then
        assertThat(only(run).entryIndex()).isEqualTo(3);
        assertThat(only(run).entryPrice()).isEqualTo(93);
    }

    @Test
    void aLimitOrderLapsesAfterItsValidBars() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, CONFIG, Scripted.at(0, Order.limit(ENTER_LONG, 95).validFor(1)));
        // then
        assertThat(run.equity()).containsOnly(1000);
    }

    @Test
    void aBuyStopFillsAtItsPriceOnceAHighReachesIt() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, CONFIG, Scripted.at(0, Order.stop(ENTER_LONG, 105)));
        // then
        assertThat(only(run).entryIndex()).isEqualTo(4);
        assertThat(only(run).entryPrice()).isEqualTo(105);
        assertThat(only(run).entryFee()).isCloseTo(105 * 0.001, within(1e-15));
    }

    @Test
    void aSellStopOpensAShortAtTheOpenWhenTheBarGapsThroughIt() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, CONFIG, Scripted.at(2, Order.stop(ENTER_SHORT, 94)));
        // then
        Trade trade = only(run);
        assertThat(trade.side()).isEqualTo(Trade.Side.SHORT);
        assertThat(trade.entryIndex()).isEqualTo(3);
        assertThat(trade.entryPrice()).isEqualTo(93);
        assertThat(run.equity()[3]).isCloseTo(1000 + 93 - 95 - 93 * 0.001, within(1e-12));
    }

    @Test
    void anExitWithNoPositionIsDropped() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, CONFIG, Scripted.at(0, Order.limit(EXIT_LONG, 99)));
        // then
        assertThat(run.trades()).isEmpty();
        assertThat(run.equity()).containsOnly(1000);
    }

    @Test
    void cancelledOrdersNeverFill() {
        // given
        Strategy strategy = context -> {
            if (context.index() == 0) {
                context.submit(Order.limit(ENTER_LONG, 95));
            } else if (context.index() == 1) {
                context.cancelOrders();
            }
        };
        // when
        EngineRun run = BarByBarEngine.run(BARS, CONFIG, strategy);
        // then
        assertThat(run.equity()).containsOnly(1000);
    }

    private static Trade only(EngineRun run) {
        assertThat(run.trades()).hasSize(1);
        return run.trades().get(0);
    }
}
