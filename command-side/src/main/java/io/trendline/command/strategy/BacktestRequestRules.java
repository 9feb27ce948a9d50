package io.trendline.command.strategy;

import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.strategy.RequestBacktestCommand;
import java.math.BigDecimal;
import java.util.Set;

/** What a backtest request must satisfy before it is accepted. */
final class BacktestRequestRules {

    static final Set<String> INTERVALS = Set.of("1m", "5m", "15m", "1h", "4h", "1d", "1w");
    private static final BigDecimal MAX_COST_BPS = BigDecimal.valueOf(1000);

    private BacktestRequestRules() {
    }

    static void validate(RequestBacktestCommand command) {
        if (command.backtestId() == null || command.backtestId().isBlank()) {
            throw invalid("backtest.id-required", "a backtest needs an id");
        }
        if (!INTERVALS.contains(command.interval())) {
            throw invalid("backtest.interval-invalid", "interval must be one of " + INTERVALS.stream().sorted()
                    .toList() + "; was " + command.interval());
        }
        if (command.from() == null || command.to() == null || !command.from().isBefore(command.to())) {
            throw invalid("backtest.range-empty", "the range must have a start before its end");
        }
        if (command.initialCapital() == null || command.initialCapital().signum() <= 0) {
            throw invalid("backtest.capital-invalid", "the starting capital must be positive");
        }
        requireCost("feeBps", command.feeBps());
        requireCost("slippageBps", command.slippageBps());
    }

    private static void requireCost(String name, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(MAX_COST_BPS) > 0) {
            throw invalid("backtest.cost-invalid", name + " must be between 0 and " + MAX_COST_BPS + " basis points");
        }
    }

    private static CommandRejectedException invalid(String code, String message) {
        return CommandRejectedException.invalid(code, message);
    }
}
