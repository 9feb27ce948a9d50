package io.trendline.web.strategy;

import io.trendline.api.strategy.StrategyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/** The bodies the strategy endpoints accept. */
final class StrategyRequests {

    private StrategyRequests() {
    }

    record Create(@NotBlank @Size(max = 100) String name, @NotNull StrategyType type, @NotBlank String symbol,
                  Map<String, BigDecimal> parameters) {
    }

    record ChangeParameters(@NotNull Map<String, BigDecimal> parameters) {
    }

    record Rename(@NotBlank @Size(max = 100) String name) {
    }

    record Archive(String reason) {
    }

    record Created(String strategyId) {
    }
}
