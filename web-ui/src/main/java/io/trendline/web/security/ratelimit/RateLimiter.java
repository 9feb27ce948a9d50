package io.trendline.web.security.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Token buckets (Bucket4j, greedy refill) by key, held in a bounded Caffeine cache: a bucket untouched for a whole
 * period is full again anyway, so it is dropped, and a flood of addresses cannot grow memory without bound. The
 * buckets live in this JVM; several edge instances would share them through one of Bucket4j's distributed
 * back ends instead (its PostgreSQL proxy manager, for one).
 */
public final class RateLimiter {

    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(long capacity, Duration period, long maxKeys) {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 per positive period");
        }
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(maxKeys).build();
    }

    /** Takes one request from {@code key}'s bucket. */
    public ConsumptionProbe tryConsume(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build()).tryConsumeAndReturnRemaining(1);
    }

    public long capacity() {
        return capacity;
    }
}
