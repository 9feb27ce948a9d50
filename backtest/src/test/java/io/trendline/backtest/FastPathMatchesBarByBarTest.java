package io.trendline.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.Directions;
import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.engine.Exits;
import io.trendline.backtest.engine.Fees;
import io.trendline.backtest.engine.Fill;
import io.trendline.backtest.engine.SignalStrategy;
import io.trendline.backtest.engine.Sizing;
import io.trendline.backtest.engine.Slippage;
import io.trendline.backtest.strategy.StrategyKind;
import io.trendline.backtest.testing.RandomWalk;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The columnar fast path and the general bar-by-bar loop give byte-identical trades, equity and metrics (the fast
 * path's taken from its curve in pieces, the general one's from the array), for every strategy kind under many
 * randomly drawn execution rules; and each strategy's columnar signals equal its bar-by-bar ones.
 */
class FastPathMatchesBarByBarTest {

    private static final BarSeries BARS = RandomWalk.bars(6_000, 3, 0.004, 500);

    private static final Map<StrategyKind, Map<String, Double>> PARAMETERS = Map.of(
            StrategyKind.SMA_CROSSOVER, Map.of("fast", 7.0, "slow", 31.0),
            StrategyKind.EMA_CROSSOVER, Map.of("fast", 9.0, "slow", 40.0),
            StrategyKind.RSI_MEAN_REVERSION, Map.of("period", 10.0, "oversold", 35.0, "overbought", 65.0),
            StrategyKind.BOLLINGER_BREAKOUT, Map.of("period", 15.0, "stdDevs", 1.5),
            StrategyKind.MACD, Map.of("fast", 8.0, "slow", 21.0, "signal", 5.0),
            StrategyKind.BUY_AND_HOLD, Map.of());

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void columnarSignalsEqualBarByBarSignals(StrategyKind kind) {
        // given
        SignalStrategy strategy = kind.create(PARAMETERS.get(kind));
        SignalStrategy.Generator generator = strategy.generator();
        // when
        byte[] columnar = new byte[BARS.size()];
        strategy.signals(BARS, columnar);
        byte[] barByBar = new byte[BARS.size()];
        for (int i = 0; i < BARS.size(); i++) {
            barByBar[i] = (byte) generator.next(BARS.openTime(i), BARS.open(i), BARS.high(i), BARS.low(i),
                    BARS.close(i), BARS.volume(i));
        }
        // then
        assertThat(columnar).isEqualTo(barByBar);
        assertThat(countSignals(columnar)).as("signals given").isGreaterThan(kind == StrategyKind.BUY_AND_HOLD
                ? BARS.size() - 1 : 10);
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void bothLoopsGiveIdenticalResultsUnderRandomExecutionRules(StrategyKind kind) {
        SplittableRandom random = new SplittableRandom(kind.ordinal() * 1000L + 17);
        for (int draw = 0; draw < 40; draw++) {
            // given
            BacktestSpec spec = BacktestSpec.of(kind, PARAMETERS.get(kind), randomRules(random));
            // when
            BacktestResult fast = Backtest.run(spec, BARS);
            BacktestResult general = Backtest.runBarByBar(spec, BARS);
            // then
            assertThat(fast.canonicalTrades()).as("trades of %s", spec).isEqualTo(general.canonicalTrades());
            assertThat(fast.canonicalEquity()).as("equity of %s", spec).isEqualTo(general.canonicalEquity());
            assertThat(fast.engineRun().barsInMarket()).isEqualTo(general.engineRun().barsInMarket());
            assertThat(fast.metrics()).as("metrics of %s", spec).isEqualTo(general.metrics());
        }
    }

    private static ExecutionConfig randomRules(SplittableRandom random) {
        Exits exits = random.nextBoolean() ? Exits.none() : new Exits(pick(random, 0, 0.01, 0.03),
                pick(random, 0, 0.02, 0.05), pick(random, 0, 0.015, 0.04));
        Sizing sizing = switch (random.nextInt(3)) {
            case 0 -> Sizing.fixedQuantity(pick(random, 1, 2.5));
            case 1 -> Sizing.percentOfEquity(pick(random, 1, 0.3));
            default -> exits.stopLoss() > 0 ? Sizing.fixedFractionalRisk(0.02) : Sizing.percentOfEquity(0.8);
        };
        Slippage slippage = switch (random.nextInt(3)) {
            case 0 -> Slippage.none();
            case 1 -> Slippage.basisPoints(pick(random, 2, 15));
            default -> Slippage.volatility(pick(random, 0.5, 2), 20);
        };
        return new ExecutionConfig(pick(random, 10_000, 100_000), random.nextBoolean() ? Fill.NEXT_OPEN
                : Fill.THIS_CLOSE, new Fees(pick(random, 0, 0.0002), pick(random, 0, 0.001)), slippage, sizing,
                exits, Directions.values()[random.nextInt(3)], random.nextInt(4) == 0 ? 300 : 0,
                random.nextBoolean());
    }

    private static double pick(SplittableRandom random, double... values) {
        return values[random.nextInt(values.length)];
    }

    private static int countSignals(byte[] signals) {
        int count = 0;
        for (byte s : signals) {
            count += s != 0 ? 1 : 0;
        }
        return count;
    }
}
