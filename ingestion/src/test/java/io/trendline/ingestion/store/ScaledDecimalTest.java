package io.trendline.ingestion.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScaledDecimalTest {

    private static BigDecimal roundTrip128(String text) {
        long[] high = new long[1];
        long low = ScaledDecimal.toDecimal128(text, 0, text.length(), high, 0);
        return ScaledDecimal.fromDecimal128(low, high[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"105573.73", "0.00002853", "7195.24000000", "0", "12", "-3.5", "1E-8", "1.5e3",
        "99999999999.12345678", "123456789012345678901234567890.12345678", "+0.1"})
    void decimalTextBecomesTheSameNumberScaledByTenToTheEight(String text) {
        assertThat(roundTrip128(text)).isEqualByComparingTo(new BigDecimal(text));
    }

    @Test
    void decimal64IsTheNumberTimesTenToTheEight() {
        assertThat(ScaledDecimal.toDecimal64("105573.73")).isEqualTo(10_557_373_000_000L);
        assertThat(ScaledDecimal.toDecimal64("0.00000001")).isEqualTo(1L);
        assertThat(ScaledDecimal.toDecimal64("2528.14000000")).isEqualTo(252_814_000_000L);
    }

    @Test
    void trailingZerosBeyondEightDecimalsAreAcceptedButOtherDigitsAreNot() {
        assertThat(ScaledDecimal.toDecimal64("1.1234567800")).isEqualTo(112_345_678L);
        assertThatThrownBy(() -> ScaledDecimal.toDecimal64("1.123456789"))
                .isInstanceOf(NumberFormatException.class).hasMessageContaining("more than 8 decimals");
    }

    @Test
    void valuesBeyondTheColumnTypeAreRefused() {
        assertThatThrownBy(() -> ScaledDecimal.toDecimal64("10000000000"))
                .isInstanceOf(NumberFormatException.class).hasMessageContaining("Decimal(18, 8)");
        assertThatThrownBy(() -> roundTrip128("1" + "0".repeat(30)))
                .isInstanceOf(NumberFormatException.class).hasMessageContaining("Decimal(38, 8)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "1.2.3", "1,5", "--1"})
    void textThatIsNoNumberIsRefused(String text) {
        assertThatThrownBy(() -> ScaledDecimal.toDecimal64(text)).isInstanceOf(NumberFormatException.class);
    }
}
