package io.trendline.command.strategy;

import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.strategy.StrategyType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The invariants of a strategy's own fields, shared by the commands that set them. */
final class StrategyRules {

    static final int MAX_NAME_LENGTH = 100;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{5,20}");

    private StrategyRules() {
    }

    static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw CommandRejectedException.invalid("strategy.id-required", "a strategy needs an id");
        }
    }

    static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw CommandRejectedException.invalid("strategy.name-invalid",
                    "a strategy's name must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    static String requireSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw CommandRejectedException.invalid("strategy.symbol-invalid",
                    "symbol must be 5 to 20 upper-case letters or digits, such as BTCUSDT; was " + symbol);
        }
        return symbol;
    }

    /** The type's defaults overlaid with the given values, refused with every violation named. */
    static Map<String, BigDecimal> requireParameters(StrategyType type, Map<String, BigDecimal> given) {
        Map<String, BigDecimal> complete = type.withDefaults(given);
        List<String> violations = type.violations(complete);
        if (!violations.isEmpty()) {
            throw CommandRejectedException.invalid("strategy.parameters-invalid",
                    "invalid parameters for " + type + ": " + String.join("; ", violations));
        }
        return complete;
    }
}
