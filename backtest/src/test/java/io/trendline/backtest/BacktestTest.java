package io.trendline.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.backtest.engine.Bar;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.engine.Gap;
import io.trendline.backtest.strategy.StrategyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestTest {

    @Test
    void anEmptyRangeIsRefusedWithAClearReason() {
        // given
        BarSeries none = BarSeries.of(60_000, List.of());
        BacktestSpec spec = BacktestSpec.of(StrategyKind.BUY_AND_HOLD, Map.of(), ExecutionConfig.defaults());
        // when / then
        assertThatThrownBy(() -> Backtest.run(spec, none)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no bars in the requested range");
    }

    @Test
    void invalidParametersAreRefusedWithEveryReason() {
        assertThatThrownBy(() -> BacktestSpec.of(StrategyKind.SMA_CROSSOVER, Map.of("fast", 60, "slow", 50.5,
                "window", 3), ExecutionConfig.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slow must be a whole number")
                .hasMessageContaining("window is not a parameter of SMA_CROSSOVER");
        assertThatThrownBy(() -> BacktestSpec.of(StrategyKind.SMA_CROSSOVER, Map.of("fast", 60, "slow", 50),
                ExecutionConfig.defaults())).hasMessageContaining("fast must be less than slow");
    }

    @Test
    void gapsInTheBarsAreReportedWithTheResult() {
        // given an hour of minutes with minutes 20 to 24 missing
        List<Bar> bars = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            if (m < 20 || m >= 25) {
                bars.add(new Bar(m * 60_000L, 100 + m, 101 + m, 99 + m, 100.5 + m, 1));
            }
        }
        BacktestSpec spec = BacktestSpec.of(StrategyKind.BUY_AND_HOLD, Map.of(), ExecutionConfig.defaults());
        // when
        BacktestResult result = Backtest.run(spec, BarSeries.of(60_000, bars));
        // then
        assertThat(result.gaps()).containsExactly(new Gap(20, 20 * 60_000L, 25 * 60_000L, 5));
        assertThat(result.equityCurve()).hasSize(55);
    }
}
