package io.trendline.query.backtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * A row of {@code backtest_runs} as written in ClickHouse's JSONEachRow format: times as
 * {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC, decimals as numbers, JSON columns as strings.
 */
record BacktestRunRow(@JsonProperty("strategy_id") String strategyId,
                      @JsonProperty("backtest_id") String backtestId,
                      @JsonProperty("requested_by") String requestedBy,
                      @JsonProperty("strategy_type") String strategyType,
                      String symbol, String parameters, String interval,
                      @JsonProperty("range_from") String rangeFrom,
                      @JsonProperty("range_to") String rangeTo,
                      @JsonProperty("initial_capital") BigDecimal initialCapital,
                      @JsonProperty("fee_bps") BigDecimal feeBps,
                      @JsonProperty("slippage_bps") BigDecimal slippageBps,
                      String status,
                      @JsonProperty("requested_at") String requestedAt,
                      @JsonProperty("finished_at") String finishedAt,
                      @JsonProperty("total_return") Double totalReturn,
                      Double sharpe,
                      @JsonProperty("max_drawdown") Double maxDrawdown,
                      Integer trades,
                      @JsonProperty("final_equity") Double finalEquity,
                      String summary, String digests,
                      @JsonProperty("failure_reason") String failureReason,
                      long version) {
}
