package io.trendline.web.backtest;

import io.trendline.api.backtest.OptimizeStrategyQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** The bodies the backtest endpoints accept and answer. */
final class BacktestRequests {

    private BacktestRequests() {
    }

    /**
     * What a run and a search share: the interval and the money. Omitted: 1h; 10,000 of the quote currency; 10 bps
     * fee per side (Binance's spot taker fee); no slippage.
     */
    interface Execution {
        String interval();

        BigDecimal initialCapital();

        BigDecimal feeBps();

        BigDecimal slippageBps();

        default String intervalOrDefault() {
            return interval() == null ? "1h" : interval();
        }

        default BigDecimal capitalOrDefault() {
            return initialCapital() == null ? BigDecimal.valueOf(10_000) : initialCapital();
        }

        default BigDecimal feeOrDefault() {
            return feeBps() == null ? BigDecimal.TEN : feeBps();
        }

        default BigDecimal slippageOrDefault() {
            return slippageBps() == null ? BigDecimal.ZERO : slippageBps();
        }
    }

    /** A backtest of the strategy's current parameters over {@code [from, to)}. */
    record Run(@Pattern(regexp = "1m|5m|15m|1h|4h|1d|1w", message = "must be one of 1m, 5m, 15m, 1h, 4h, 1d, 1w")
               String interval,
               @NotNull Instant from, @NotNull Instant to,
               @DecimalMin(value = "0", inclusive = false) BigDecimal initialCapital,
               @DecimalMin("0") @DecimalMax("1000") BigDecimal feeBps,
               @DecimalMin("0") @DecimalMax("1000") BigDecimal slippageBps) implements Execution {
    }

    record Requested(String backtestId, String strategyId) {
    }

    /**
     * A parameter search: {@code sweeps} by parameter name (the strategy's other parameters keep their values),
     * {@code objective} (default SHARPE), {@code search} GRID (default) or RANDOM with {@code samples} and
     * {@code seed}, an optional walk-forward plan in bars; costs and capital as for a run.
     */
    record Optimise(String optimisationId,
                    @Pattern(regexp = "1m|5m|15m|1h|4h|1d|1w", message = "must be one of 1m, 5m, 15m, 1h, 4h, 1d, 1w")
                    String interval,
                    @NotNull Instant from, @NotNull Instant to,
                    @NotEmpty Map<String, OptimizeStrategyQuery.ParameterSweep> sweeps,
                    @Pattern(regexp = "TOTAL_RETURN|CAGR|SHARPE|SORTINO|CALMAR|PROFIT_FACTOR|EXPECTANCY|EXCESS_RETURN"
                            + "|MAX_DRAWDOWN") String objective,
                    @Pattern(regexp = "GRID|RANDOM") String search,
                    @Min(1) @Max(2000) Integer samples, Long seed,
                    @Valid OptimizeStrategyQuery.WalkForwardPlan walkForward,
                    @DecimalMin(value = "0", inclusive = false) BigDecimal initialCapital,
                    @DecimalMin("0") @DecimalMax("1000") BigDecimal feeBps,
                    @DecimalMin("0") @DecimalMax("1000") BigDecimal slippageBps) implements Execution {

        String objectiveOrDefault() {
            return objective == null ? "SHARPE" : objective;
        }

        String searchOrDefault() {
            return search == null ? "GRID" : search;
        }

        int samplesOrDefault() {
            return samples == null ? 100 : samples;
        }

        long seedOrDefault() {
            return seed == null ? 1L : seed;
        }
    }
}
