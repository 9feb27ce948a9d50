package io.trendline.ingestion.binance.fake;

import java.time.Duration;

/**
 * Binance's request-weight accounting for one client address: the weight used in the current window (a calendar
 * minute on Binance; shorter in tests), 429 with {@code Retry-After} past the limit, and 418 (a ban) for a client
 * that sends again before the {@code Retry-After} it was given has passed. Real time, not the replay clock: it limits
 * requests, not candles.
 */
final class RequestWeight {

    /** What to do with a request. */
    record Verdict(int status, long usedWeight, long retryAfterSeconds) {
    }

    private final long limit;
    private final long windowMillis;
    private long window = -1;
    private long used;
    private long backOffUntil;
    private long bannedUntil;

    RequestWeight(long limit, Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    synchronized Verdict admit(long weight) {
        long now = System.currentTimeMillis();
        if (now < bannedUntil || now < backOffUntil) {
            // Sending during Retry-After is what gets an address banned; the ban doubles what was left.
            long left = Math.max(bannedUntil, backOffUntil) - now;
            bannedUntil = now + Math.max(2_000, 2 * left);
            return new Verdict(418, currentUsed(now), seconds(bannedUntil - now));
        }
        long current = now / windowMillis;
        if (current != window) {
            window = current;
            used = 0;
        }
        used += weight;
        if (used > limit) {
            backOffUntil = (window + 1) * windowMillis;
            return new Verdict(429, used, seconds(backOffUntil - now));
        }
        return new Verdict(200, used, 0);
    }

    /** Tells the client to wait, as a forced 429 or 418 does; sending again before then is punished like any other. */
    synchronized void backOff(Duration retryAfter) {
        backOffUntil = Math.max(backOffUntil, System.currentTimeMillis() + retryAfter.toMillis());
    }

    synchronized long used() {
        return currentUsed(System.currentTimeMillis());
    }

    private long currentUsed(long now) {
        return now / windowMillis == window ? used : 0;
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
