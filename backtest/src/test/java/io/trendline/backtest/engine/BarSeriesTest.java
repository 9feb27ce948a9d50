package io.trendline.backtest.engine;

import static io.trendline.backtest.testing.Bars.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.backtest.testing.Bars;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarSeriesTest {

    private static final long MINUTE = 60_000;

    @Test
    void missingBarsAreReportedAsGapsAndNotFilled() {
        // given bars at minutes 0, 1, 4 and 5
        List<Bar> bars = List.of(new Bar(0, 1, 1, 1, 1, 1), new Bar(MINUTE, 1, 1, 1, 1, 1),
                new Bar(4 * MINUTE, 1, 1, 1, 1, 1), new Bar(5 * MINUTE, 1, 1, 1, 1, 1));
        // when
        BarSeries series = BarSeries.of(MINUTE, bars);
        // then
        assertThat(series.size()).isEqualTo(4);
        assertThat(series.gaps()).containsExactly(new Gap(2, 2 * MINUTE, 4 * MINUTE, 2));
    }

    @Test
    void barsOutOfOrderAreRefused() {
        List<Bar> bars = List.of(new Bar(MINUTE, 1, 1, 1, 1, 1), new Bar(MINUTE, 1, 1, 1, 1, 1));
        assertThatThrownBy(() -> BarSeries.of(MINUTE, bars)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bar 1").hasMessageContaining("increase");
    }

    @Test
    void aLowAboveTheCloseIsRefused() {
        assertThatThrownBy(() -> Bars.minutes(bar(10, 11, 10.5, 10.2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enclose");
    }

    @Test
    void nonPositiveOrMissingPricesAreRefused() {
        assertThatThrownBy(() -> Bars.minutes(bar(0, 1, 0, 1))).hasMessageContaining("positive");
        assertThatThrownBy(() -> Bars.minutes(bar(Double.NaN, 1, 1, 1))).hasMessageContaining("positive");
    }

    @Test
    void aSliceIsASeriesOfItsOwnWithItsOwnGaps() {
        // given
        BarSeries series = BarSeries.of(MINUTE, List.of(new Bar(0, 1, 1, 1, 1, 1), new Bar(3 * MINUTE, 2, 2, 2, 2, 2),
                new Bar(4 * MINUTE, 3, 3, 3, 3, 3)));
        // when
        BarSeries tail = series.slice(1, 3);
        // then
        assertThat(tail.size()).isEqualTo(2);
        assertThat(tail.bar(0)).isEqualTo(new Bar(3 * MINUTE, 2, 2, 2, 2, 2));
        assertThat(tail.gaps()).isEmpty();
    }
}
