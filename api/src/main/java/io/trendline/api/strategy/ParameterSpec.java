package io.trendline.api.strategy;

import java.math.BigDecimal;
import java.util.Optional;

/** One parameter of a strategy type: its name, inclusive bounds, whether it must be whole, and its default. */
public record ParameterSpec(String name, BigDecimal min, BigDecimal max, boolean integer, BigDecimal defaultValue) {

    static ParameterSpec integer(String name, long min, long max, long defaultValue) {
        return new ParameterSpec(name, BigDecimal.valueOf(min), BigDecimal.valueOf(max), true,
                BigDecimal.valueOf(defaultValue));
    }

    static ParameterSpec decimal(String name, String min, String max, String defaultValue) {
        return new ParameterSpec(name, new BigDecimal(min), new BigDecimal(max), false, new BigDecimal(defaultValue));
    }

    Optional<String> check(BigDecimal value) {
        if (integer && value.stripTrailingZeros().scale() > 0) {
            return Optional.of(name + " must be a whole number, was " + value.toPlainString());
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return Optional.of(name + " must be between " + min.toPlainString() + " and " + max.toPlainString()
                    + ", was " + value.toPlainString());
        }
        return Optional.empty();
    }
}
