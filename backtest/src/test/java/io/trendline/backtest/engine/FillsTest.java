package io.trendline.backtest.engine;

import static io.trendline.backtest.engine.Order.Intent.ENTER_LONG;
import static io.trendline.backtest.engine.Order.Intent.EXIT_LONG;
import static io.trendline.backtest.testing.Bars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trendline.backtest.testing.Bars;
import org.junit.jupiter.api.Test;

class FillsTest {

    private static final ExecutionConfig ONE_UNIT = ExecutionConfig.defaults().withInitialCapital(1000)
            .withSizing(Sizing.fixedQuantity(1));

    private static final BarSeries BARS = Bars.minutes(bar(100, 101, 99, 100), bar(102, 104, 101, 103),
            bar(105, 106, 100, 101), bar(98, 99, 95, 96), bar(97, 98, 96, 97));

    @Test
    void aMarketOrderPlacedAtACloseFillsAtTheNextOpen() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, ONE_UNIT,
                Scripted.at(0, Order.market(ENTER_LONG)).and(2, Order.market(EXIT_LONG)));
        // then
        Trade trade = run.trades().get(0);
        assertThat(trade.entryIndex()).isEqualTo(1);
        assertThat(trade.entryPrice()).isEqualTo(102);
        assertThat(trade.exitIndex()).isEqualTo(3);
        assertThat(trade.exitPrice()).isEqualTo(98);
        assertThat(run.equity()).containsExactly(1000, 1001, 999, 996, 996);
    }

    @Test
    void withThisCloseAMarketOrderFillsAtTheDecidingBarsClose() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, ONE_UNIT.withFill(Fill.THIS_CLOSE),
                Scripted.at(0, Order.market(ENTER_LONG)).and(2, Order.market(EXIT_LONG)));
        // then
        Trade trade = run.trades().get(0);
        assertThat(new int[] {trade.entryIndex(), trade.exitIndex()}).containsExactly(0, 2);
        assertThat(new double[] {trade.entryPrice(), trade.exitPrice()}).containsExactly(100, 101);
        assertThat(run.equity()).containsExactly(1000, 1003, 1001, 1001, 1001);
    }

    @Test
    void anOrderOnTheLastBarNeverFills() {
        // when
        EngineRun run = BarByBarEngine.run(BARS, ONE_UNIT, Scripted.at(4, Order.market(ENTER_LONG)));
        // then
        assertThat(run.trades()).isEmpty();
        assertThat(run.equity()[4]).isEqualTo(1000);
    }

    @Test
    void takerFeesAreChargedOnBothSidesOfAMarketTrade() {
        // given
        ExecutionConfig config = ONE_UNIT.withFees(new Fees(0.0002, 0.001));
        // when
        EngineRun run = BarByBarEngine.run(BARS, config,
                Scripted.at(0, Order.market(ENTER_LONG)).and(2, Order.market(EXIT_LONG)));
        // then
        Trade trade = run.trades().get(0);
        assertThat(trade.entryFee()).isCloseTo(0.102, within(1e-12));
        assertThat(trade.exitFee()).isCloseTo(0.098, within(1e-12));
        assertThat(trade.pnl()).isCloseTo(98 - 102 - 0.102 - 0.098, within(1e-12));
        assertThat(run.equity()[4]).isCloseTo(1000 + trade.pnl(), within(1e-9));
    }

    @Test
    void basisPointSlippageMovesEveryMarketFillAgainstTheTrader() {
        // given
        ExecutionConfig config = ONE_UNIT.withSlippage(Slippage.basisPoints(10));
        // when
        EngineRun run = BarByBarEngine.run(BARS, config,
                Scripted.at(0, Order.market(ENTER_LONG)).and(2, Order.market(EXIT_LONG)));
        // then
        Trade trade = run.trades().get(0);
        assertThat(trade.entryPrice()).isCloseTo(102 * 1.001, within(1e-12));
        assertThat(trade.exitPrice()).isCloseTo(98 * 0.999, within(1e-12));
    }

    @Test
    void volatilitySlippageIsAMultipleOfTheDeviationOfRecentReturnsKnownAtTheDecision() {
        // given three closes known when the order is placed at bar 3: returns 103/100-1, 101/103-1, 96/101-1
        ExecutionConfig config = ONE_UNIT.withSlippage(Slippage.volatility(2, 3));
        double[] r = {103.0 / 100 - 1, 101.0 / 103 - 1, 96.0 / 101 - 1};
        double mean = (r[0] + r[1] + r[2]) / 3;
        double sigma = Math.sqrt(((r[0] - mean) * (r[0] - mean) + (r[1] - mean) * (r[1] - mean)
                + (r[2] - mean) * (r[2] - mean)) / 3);
        // when
        EngineRun run = BarByBarEngine.run(BARS, config, Scripted.at(3, Order.market(ENTER_LONG)));
        // then
        assertThat(run.trades().get(0).entryPrice()).isCloseTo(97 * (1 + 2 * sigma), within(1e-9));
    }
}
