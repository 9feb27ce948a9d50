package io.trendline.api.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A backtest was asked for; carries everything a runner needs, including the parameters as they were then. */
@Revision("1")
public record BacktestRequestedEvent(String strategyId, String backtestId, StrategyType type, String symbol,
                                     Map<String, BigDecimal> parameters, String interval, Instant from, Instant to,
                                     BigDecimal initialCapital, BigDecimal feeBps, BigDecimal slippageBps) {
}
