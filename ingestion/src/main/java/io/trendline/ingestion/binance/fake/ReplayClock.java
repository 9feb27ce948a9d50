package io.trendline.ingestion.binance.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fake's notion of "now": a virtual time that runs at a chosen speed from a chosen start, can be paused, and can
 * be moved forward by hand, so that tests produce a day of candles without waiting a day. Listeners hear of every
 * change made by hand (the stream then emits what the new time has closed at once).
 */
public final class ReplayClock extends Clock {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long baseMillis;
    private long baseNanos;
    private double speed;
    private boolean paused;

    private ReplayClock(long startMillis, double speed, boolean paused) {
        this.baseMillis = startMillis;
        this.baseNanos = System.nanoTime();
        this.speed = speed;
        this.paused = paused;
    }

    /** A clock that runs {@code speed} times faster than real time from {@code start}. */
    public static ReplayClock running(Instant start, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("replay speed must be positive, was " + speed);
        }
        return new ReplayClock(start.toEpochMilli(), speed, false);
    }

    /** A clock standing still at {@code start} until it is moved or resumed. */
    public static ReplayClock paused(Instant start) {
        return new ReplayClock(start.toEpochMilli(), 1, true);
    }

    @Override
    public synchronized long millis() {
        if (paused) {
            return baseMillis;
        }
        return baseMillis + (long) ((System.nanoTime() - baseNanos) / 1_000_000.0 * speed);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    public synchronized double speed() {
        return speed;
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the replay clock only moves forward");
        }
        synchronized (this) {
            rebase();
            baseMillis += by.toMillis();
        }
        changed();
    }

    /** Moves to {@code time}; moving backwards is refused, as a live source never goes back. */
    public void set(Instant time) {
        synchronized (this) {
            rebase();
            if (time.toEpochMilli() < baseMillis) {
                throw new IllegalArgumentException("the replay clock only moves forward: " + time);
            }
            baseMillis = time.toEpochMilli();
        }
        changed();
    }

    public void pause() {
        synchronized (this) {
            rebase();
            paused = true;
        }
        changed();
    }

    public void resume(double newSpeed) {
        synchronized (this) {
            rebase();
            speed = newSpeed;
            paused = false;
        }
        changed();
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void rebase() {
        baseMillis = millis();
        baseNanos = System.nanoTime();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
