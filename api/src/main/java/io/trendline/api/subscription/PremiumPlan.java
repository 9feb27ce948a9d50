package io.trendline.api.subscription;

import java.time.Duration;
import java.time.Instant;

/**
 * The premium offers a user can buy, each adding a fixed span of premium time. Fixed days rather than calendar
 * months, so the validity an {@link Instant} gains does not depend on a time zone.
 */
public enum PremiumPlan {

    MONTHLY(Duration.ofDays(30)),
    YEARLY(Duration.ofDays(365));

    private final Duration duration;

    PremiumPlan(Duration duration) {
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }

    /**
     * Until when premium lasts once this plan is bought at {@code now}: the plan's duration added to what is left of
     * the current validity, or to {@code now} when there is none left.
     */
    public Instant validUntil(Instant currentValidUntil, Instant now) {
        Instant start = currentValidUntil != null && currentValidUntil.isAfter(now) ? currentValidUntil : now;
        return start.plus(duration);
    }
}
