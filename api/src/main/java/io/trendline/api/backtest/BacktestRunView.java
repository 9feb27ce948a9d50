package io.trendline.api.backtest;

import io.trendline.api.strategy.BacktestDigests;
import io.trendline.api.strategy.BacktestSummary;
import io.trendline.api.strategy.StrategyType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One backtest run as the read model holds it: the request as made, then its summary and digests once completed or
 * its reason once failed.
 */
public record BacktestRunView(String backtestId, String strategyId, String requestedBy, StrategyType type,
                              String symbol, Map<String, BigDecimal> parameters, String interval, Instant from,
                              Instant to, BigDecimal initialCapital, BigDecimal feeBps, BigDecimal slippageBps,
                              BacktestStatus status, Instant requestedAt, Instant finishedAt,
                              BacktestSummary summary, BacktestDigests digests, String failureReason) {
}
