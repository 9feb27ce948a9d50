package io.trendline.api.backtest;

import java.time.Instant;

/** How many backtests a user has asked for since a moment (for plan limits). Answered with a {@code Long}. */
public record CountBacktestRunsQuery(String userId, Instant since) {
}
