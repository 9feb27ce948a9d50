package io.trendline.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.backtest.strategy.StrategyKind;
import io.trendline.backtest.testing.RandomWalk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Nothing a run decides up to a bar depends on the bars after it. */
class NoLookaheadTest {

    private static final int CUT = 2_500;

    @Test
    void aStrategyCannotReadABarThatHasNotClosed() {
        // given
        BarSeries bars = RandomWalk.minutes(10, 1, 0.01);
        Strategy peeking = context -> context.close(-1);
        // when / then
        assertThatThrownBy(() -> BarByBarEngine.run(bars, ExecutionConfig.defaults(), peeking))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @EnumSource(StrategyKind.class)
    void changingLaterBarsChangesNothingBeforeThem(StrategyKind kind) {
        // given two series equal up to CUT, then different
        BarSeries original = RandomWalk.minutes(5_000, 21, 0.004);
        BarSeries other = splice(original, RandomWalk.bars(5_000, 99, 0.02, original.close(CUT)));
        ExecutionConfig config = ExecutionConfig.defaults().withDirections(Directions.LONG_AND_SHORT)
                .withExits(new Exits(0.02, 0.05, 0.03)).withSlippage(Slippage.volatility(1, 10))
                .withFees(Fees.flat(0.001));
        SignalStrategy strategy = kind.create(Map.of());
        // when
        for (EngineRun[] runs : List.of(
                new EngineRun[] {ColumnarEngine.run(original, config, strategy),
                    ColumnarEngine.run(other, config, strategy)},
                new EngineRun[] {BarByBarEngine.run(original, config, strategy),
                    BarByBarEngine.run(other, config, strategy)})) {
            // then
            assertThat(closedBefore(runs[0])).isEqualTo(closedBefore(runs[1]));
            for (int i = 0; i < CUT; i++) {
                assertThat(runs[0].equity()[i]).as("equity at %d", i).isEqualTo(runs[1].equity()[i]);
            }
        }
    }

    private static List<Trade> closedBefore(EngineRun run) {
        return run.trades().stream().filter(t -> t.exitIndex() < CUT).toList();
    }

    private static BarSeries splice(BarSeries head, BarSeries tail) {
        int n = head.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            BarSeries from = i < CUT ? head : tail;
            t[i] = head.openTime(i);
            o[i] = from.open(i);
            h[i] = from.high(i);
            l[i] = from.low(i);
            c[i] = from.close(i);
            v[i] = from.volume(i);
        }
        return new BarSeries(head.intervalMillis(), t, o, h, l, c, v);
    }
}
