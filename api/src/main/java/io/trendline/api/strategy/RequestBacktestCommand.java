package io.trendline.api.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a backtest of the strategy's current parameters over {@code [from, to)} of {@code interval} bars.
 * Fees and slippage are in basis points per side.
 */
public record RequestBacktestCommand(@TargetAggregateIdentifier String strategyId, String backtestId,
                                     String interval, Instant from, Instant to, BigDecimal initialCapital,
                                     BigDecimal feeBps, BigDecimal slippageBps) {
}
