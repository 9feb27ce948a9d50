package io.trendline.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.engine.Fees;
import io.trendline.backtest.strategy.StrategyKind;
import io.trendline.backtest.testing.RandomWalk;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same inputs, same bytes and digests; any change of input shows in the digest that covers it. */
class DigestsTest {

    private static final BacktestSpec SPEC = BacktestSpec.of(StrategyKind.SMA_CROSSOVER,
            Map.of("fast", 10, "slow", 50), ExecutionConfig.defaults().withFees(Fees.flat(0.001)));

    @Test
    void theSameRunTwiceGivesIdenticalBytesAndDigests() {
        // given two independently built copies of the same bars
        BarSeries bars = RandomWalk.minutes(20_000, 5, 0.001);
        BarSeries copy = RandomWalk.minutes(20_000, 5, 0.001);
        // when
        BacktestResult first = Backtest.run(SPEC, bars);
        BacktestResult second = Backtest.run(SPEC.withParameters(Map.of("slow", 50.0, "fast", 10.0)), copy);
        // then
        assertThat(first.trades()).isNotEmpty();
        assertThat(second.canonicalTrades()).isEqualTo(first.canonicalTrades());
        assertThat(second.canonicalEquity()).isEqualTo(first.canonicalEquity());
        assertThat(second.digests()).isEqualTo(first.digests());
        assertThat(first.digests().differences(second.digests())).isEmpty();
    }

    @Test
    void theBarByBarLoopReproducesTheFastPathsDigests() {
        // given
        BarSeries bars = RandomWalk.minutes(20_000, 5, 0.001);
        // when / then
        assertThat(Backtest.runBarByBar(SPEC, bars).digests()).isEqualTo(Backtest.run(SPEC, bars).digests());
    }

    @Test
    void oneChangedBarChangesTheBarsAndInputDigestsOnly() {
        // given
        BarSeries bars = RandomWalk.minutes(2_000, 5, 0.001);
        BarSeries changed = withCloseOfBar1000Raised(bars);
        // when
        Digests before = Backtest.run(SPEC, bars).digests();
        Digests after = Backtest.run(SPEC, changed).digests();
        // then
        assertThat(before.differences(after)).contains("bars", "input").doesNotContain("spec", "engineVersion");
    }

    private static BarSeries withCloseOfBar1000Raised(BarSeries bars) {
        int n = bars.size();
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = bars.openTime(i);
            o[i] = bars.open(i);
            h[i] = bars.high(i);
            l[i] = bars.low(i);
            c[i] = bars.close(i);
            v[i] = bars.volume(i);
        }
        c[1000] = Math.nextUp(c[1000]);
        h[1000] = Math.max(h[1000], c[1000]);
        return new BarSeries(bars.intervalMillis(), t, o, h, l, c, v);
    }

    @Test
    void oneChangedParameterChangesTheSpecAndInputDigests() {
        // given
        BarSeries bars = RandomWalk.minutes(2_000, 5, 0.001);
        // when
        Digests before = Backtest.run(SPEC, bars).digests();
        Digests after = Backtest.run(SPEC.withParameters(Map.of("fast", 11, "slow", 50)), bars).digests();
        Digests costlier = Backtest.run(SPEC.withExecution(SPEC.execution().withFees(Fees.flat(0.002))), bars)
                .digests();
        // then
        assertThat(before.differences(after)).contains("spec", "input").doesNotContain("bars");
        assertThat(before.differences(costlier)).contains("spec", "input", "trades", "equity", "output");
    }

    @Test
    void digestsAreLowercaseSha256HexAndNameTheEngineVersion() {
        // when
        Digests digests = Backtest.run(SPEC, RandomWalk.minutes(500, 5, 0.001)).digests();
        // then
        assertThat(digests.engineVersion()).isEqualTo(Backtest.ENGINE_VERSION);
        assertThat(new String[] {digests.spec(), digests.bars(), digests.trades(), digests.equity(),
            digests.input(), digests.output()}).allMatch(d -> d.matches("[0-9a-f]{64}"));
    }
}
