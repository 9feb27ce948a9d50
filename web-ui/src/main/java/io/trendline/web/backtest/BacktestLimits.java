package io.trendline.web.backtest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What each plan may run ({@code trendline.backtest.limits.*}): the longest range a backtest may cover and the number
 * of backtests a user may request in a rolling day (0: unlimited).
 */
@ConfigurationProperties("trendline.backtest.limits")
public record BacktestLimits(Plan free, Plan premium) {

    public BacktestLimits {
        free = free == null ? new Plan(Duration.ofDays(90), 20) : free;
        premium = premium == null ? new Plan(Duration.ofDays(3660), 0) : premium;
    }

    public Plan of(boolean isPremium) {
        return isPremium ? premium : free;
    }

    /** One plan's limits. */
    public record Plan(Duration maxRange, int runsPerDay) {
    }
}
