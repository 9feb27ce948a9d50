package io.trendline.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    private static double[] curveWithSpikeAt(int n, int spike) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(i / 500.0);
        }
        y[spike] = 50;
        return y;
    }

    @Test
    void lttbKeepsTheRequestedNumberOfPointsInOrderWithBothEndsAndTheSpike() {
        // given
        double[] y = curveWithSpikeAt(100_000, 31_337);
        // when
        int[] kept = Downsampler.lttb(y, 500);
        // then
        assertThat(kept).hasSize(500).startsWith(0).endsWith(99_999).contains(31_337);
        assertThat(kept).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void minMaxKeepsEveryBucketsExtremes() {
        // given
        double[] y = curveWithSpikeAt(100_000, 77_777);
        y[12_345] = -50;
        // when
        int[] kept = Downsampler.minMax(y, 250);
        // then
        assertThat(kept.length).isLessThanOrEqualTo(502);
        assertThat(kept).startsWith(0).endsWith(99_999).contains(77_777, 12_345).isSorted();
        double max = Arrays.stream(kept).mapToDouble(i -> y[i]).max().orElseThrow();
        assertThat(max).isEqualTo(50);
    }

    @Test
    void aShortCurveIsKeptWhole() {
        assertThat(Downsampler.lttb(new double[] {1, 2, 3}, 10)).containsExactly(0, 1, 2);
        assertThat(Downsampler.minMax(new double[] {1, 2, 3}, 10)).containsExactly(0, 1, 2);
    }
}
