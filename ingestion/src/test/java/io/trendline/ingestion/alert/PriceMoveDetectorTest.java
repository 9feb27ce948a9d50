package io.trendline.ingestion.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.api.market.Kline;
import io.trendline.api.market.PriceAlert;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceMoveDetectorTest {

    private static final long T0 = 1_747_699_200_000L;
    private final PriceMoveDetector detector = new PriceMoveDetector(BigDecimal.valueOf(5), Duration.ofMinutes(10));

    private static Kline minute(int i, String close) {
        BigDecimal c = new BigDecimal(close);
        return new Kline("BTCUSDT", "1m", T0 + i * 60_000L, T0 + i * 60_000L + 59_999, c, c, c, c, BigDecimal.ONE,
                null, 0, null, null, true);
    }

    @Test
    void aRiseOfTheThresholdFromTheWindowsLowIsReportedOnce() {
        // given
        detector.onClosed(minute(0, "100"));
        detector.onClosed(minute(1, "98"));
        detector.onClosed(minute(2, "101"));

        // when
        Optional<PriceAlert> alert = detector.onClosed(minute(3, "102.9"));
        Optional<PriceAlert> next = detector.onClosed(minute(4, "103"));

        // then
        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.fromTime()).isEqualTo(T0 + 60_000);
            assertThat(a.fromPrice()).isEqualByComparingTo("98");
            assertThat(a.price()).isEqualByComparingTo("102.9");
            assertThat(a.changePercent()).isEqualByComparingTo("5.0000");
            assertThat(a.windowMinutes()).isEqualTo(10);
        });
        assertThat(next).isEmpty();
    }

    @Test
    void aFallFromTheWindowsHighIsReportedWithANegativeChange() {
        detector.onClosed(minute(0, "200"));
        assertThat(detector.onClosed(minute(1, "191"))).isEmpty();

        Optional<PriceAlert> alert = detector.onClosed(minute(2, "189.9"));

        assertThat(alert).hasValueSatisfying(a -> assertThat(a.changePercent()).isEqualByComparingTo("-5.05"));
    }

    @Test
    void aMoveSlowerThanTheWindowRaisesNothing() {
        for (int i = 0; i <= 20; i++) {
            assertThat(detector.onClosed(minute(i, new BigDecimal("100").add(BigDecimal.valueOf(i, 1).multiply(
                    BigDecimal.valueOf(4))).toPlainString()))).as("minute %d", i).isEmpty();
        }
    }

    @Test
    void replayedCandlesRaiseNothingAgain() {
        detector.onClosed(minute(0, "100"));
        assertThat(detector.onClosed(minute(1, "110"))).isPresent();

        assertThat(detector.onClosed(minute(0, "100"))).isEmpty();
        assertThat(detector.onClosed(minute(1, "110"))).isEmpty();
    }
}
