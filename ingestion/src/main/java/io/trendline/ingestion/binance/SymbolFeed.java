package io.trendline.ingestion.binance;

import io.github.resilience4j.core.IntervalFunction;
import io.trendline.api.market.Kline;
import io.trendline.ingestion.publish.KlinePublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One symbol's candles, published to Kafka exactly once each and in order. Everything runs on the feed's own thread,
 * so the backfill, the stream's candles and the repairs never interleave:
 * <ol>
 *   <li>catch-up: from the resume point ({@link LastCandleStore}; else the initial backfill window) to the candle in
 *       progress, over REST, page by page, each page acknowledged by Kafka before the next;</li>
 *   <li>live: a closed candle from the stream is published if it is the next minute; if minutes are missing before
 *       it (a dropped or stalled connection, a lost message) they are fetched over REST first; one already published
 *       is dropped;</li>
 *   <li>if REST or Kafka fails, nothing is skipped: the feed retries the catch-up with backoff from the last
 *       acknowledged candle;</li>
 *   <li>if the stream brings no closed candle for a while, the feed polls REST, so an outage of the stream alone
 *       does not stop the history.</li>
 * </ol>
 * The resume point only ever moves to a candle Kafka acknowledged, which is what makes a restart lose nothing.
 */
final class SymbolFeed implements AutoCloseable {

    static final long MINUTE = BinanceKlines.MINUTE;
    /** Clock skew tolerated before a newest candle whose minute is over counts as closed. */
    private static final long CLOSED_GRACE_MILLIS = 10_000;
    private static final long UNKNOWN = Long.MIN_VALUE;
    private static final Logger LOG = LoggerFactory.getLogger(SymbolFeed.class);

    /**
     * @param initialBackfill how far back to start when nothing was ever published
     * @param maxBackfill     the longest gap caught up after a restart; older minutes are left to the file import
     * @param pollAfter       silence of the stream after which REST is asked for new candles
     */
    record Settings(Duration initialBackfill, Duration maxBackfill, Duration retryMin, Duration retryMax,
                    Duration pollAfter) {
    }

    /** What the health endpoint shows. */
    public record Status(String symbol, boolean caughtUp, Long lastClosedOpenTime, long lagMillis, long published,
                  long repairedGaps, long repairedCandles, long duplicatesDropped, String problem,
                  long problemForMillis) {
    }

    private final String symbol;
    private final BinanceRestClient rest;
    private final KlinePublisher publisher;
    private final LastCandleStore store;
    private final String source;
    private final Settings settings;
    private final Clock sourceClock;
    private final ScheduledExecutorService executor;
    private final IntervalFunction retryBackoff;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong repairedGaps = new AtomicLong();
    private final AtomicLong repairedCandles = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    /** The minute the feed continues after; before the first publication, the one before the backfill window. */
    private volatile long lastClosed = UNKNOWN;
    /** The last candle actually on the topic, for the health endpoint. */
    private volatile long lastPublished = UNKNOWN;
    private volatile boolean caughtUp;
    /** Whether the first backfill finished: what a later catch-up fetches, the stream had lost. */
    private boolean caughtUpOnce;
    private volatile String problem;
    private volatile long problemSince;
    private volatile long lastStreamCloseAt = System.nanoTime();
    private int failures;
    private boolean retryScheduled;

    SymbolFeed(String symbol, BinanceRestClient rest, KlinePublisher publisher, LastCandleStore store, String source,
               Settings settings, Clock sourceClock) {
        this.symbol = symbol;
        this.rest = rest;
        this.publisher = publisher;
        this.store = store;
        this.source = source;
        this.settings = settings;
        this.sourceClock = sourceClock;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "binance-feed-" + symbol);
            t.setDaemon(true);
            return t;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pool;
        this.retryBackoff = IntervalFunction.ofExponentialRandomBackoff(settings.retryMin(), 2.0, 0.25,
                settings.retryMax());
    }

    void start() {
        run(this::catchUp);
        long poll = Math.max(1000, settings.pollAfter().toMillis() / 2);
        executor.scheduleWithFixedDelay(this::pollIfStreamSilent, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** A candle from the stream, closed or in progress. */
    void onStream(Kline kline) {
        run(() -> live(kline));
    }

    Status status() {
        long last = lastPublished;
        long expected = Math.floorDiv(sourceClock.millis(), MINUTE) * MINUTE - MINUTE;
        long lag = last == UNKNOWN ? -1 : Math.max(0, expected - last);
        String p = problem;
        long problemFor = p == null ? 0 : (System.nanoTime() - problemSince) / 1_000_000;
        return new Status(symbol, caughtUp, last == UNKNOWN ? null : last, lag, published.get(), repairedGaps.get(),
                repairedCandles.get(), duplicates.get(), p, problemFor);
    }

    String symbol() {
        return symbol;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- on the feed's thread ----

    private void catchUp() {
        retryScheduled = false;
        try {
            publisher.ensureTopics();
            long current = rest.currentOpenTime(symbol)
                    .orElseThrow(() -> new IllegalStateException("Binance has no candles for " + symbol));
            if (lastClosed == UNKNOWN) {
                lastClosed = resumePoint(current) - MINUTE;
            }
            long before = published.get();
            long after = lastClosed;
            fill(lastClosed + MINUTE, newestClosedEnd(current));
            long filled = published.get() - before;
            if (caughtUpOnce && filled > 0) {
                // the stream lost these minutes (a drop, a stall, its end) and REST brought them: a repaired gap
                LOG.info("{}: {} minute(s) after {} missing from the stream, repaired over REST", symbol, filled,
                        Instant.ofEpochMilli(after));
                repairedGaps.incrementAndGet();
                repairedCandles.addAndGet(filled);
            }
            if (!caughtUp) {
                LOG.info("{}: caught up, {} candles published, last closed {}", symbol, published.get() - before,
                        Instant.ofEpochMilli(lastClosed));
            }
            caughtUp = true;
            caughtUpOnce = true;
            failures = 0;
            problem = null;
        } catch (RuntimeException e) {
            failed("catch-up", e);
        }
    }

    /**
     * The end of what can be fetched as closed: the newest candle is the one in progress, unless the source's clock is
     * well past its end, which happens when the source has no newer candle (a replay past the end of its file, a
     * symbol no longer trading); then it is closed and only REST can bring it if its closing message was lost.
     */
    private long newestClosedEnd(long newestOpenTime) {
        return sourceClock.millis() >= newestOpenTime + MINUTE + CLOSED_GRACE_MILLIS ? newestOpenTime + MINUTE
                : newestOpenTime;
    }

    private long resumePoint(long current) {
        OptionalLong stored = store.lastClosedOpenTime(symbol);
        if (stored.isEmpty()) {
            long from = floorMinute(current - settings.initialBackfill().toMillis());
            LOG.info("{}: nothing published yet, backfilling from {}", symbol, Instant.ofEpochMilli(from));
            return from;
        }
        lastPublished = stored.getAsLong();
        long from = stored.getAsLong() + MINUTE;
        long oldest = floorMinute(current - settings.maxBackfill().toMillis());
        if (from < oldest) {
            LOG.warn("{}: last published candle {} is older than the {} backfill limit; resuming at {} (import "
                    + "older history from files)", symbol, Instant.ofEpochMilli(stored.getAsLong()),
                    settings.maxBackfill(), Instant.ofEpochMilli(oldest));
            return oldest;
        }
        LOG.info("{}: resuming after {}", symbol, Instant.ofEpochMilli(stored.getAsLong()));
        return from;
    }

    private void live(Kline kline) {
        if (!kline.closed()) {
            if (caughtUp && kline.openTime() > lastClosed) {
                publisher.publishLive(kline, source).exceptionally(e -> {
                    LOG.debug("{}: live update not sent: {}", symbol, e.toString());
                    return null;
                });
            }
            return;
        }
        lastStreamCloseAt = System.nanoTime();
        if (!caughtUp) {
            return; // the pending catch-up fetches this minute too
        }
        if (kline.openTime() <= lastClosed) {
            duplicates.incrementAndGet();
            return;
        }
        try {
            if (kline.openTime() > lastClosed + MINUTE) {
                long missing = (kline.openTime() - lastClosed) / MINUTE - 1;
                LOG.info("{}: {} minute(s) missing before {}, repairing over REST", symbol, missing,
                        Instant.ofEpochMilli(kline.openTime()));
                long before = published.get();
                fill(lastClosed + MINUTE, kline.openTime());
                repairedGaps.incrementAndGet();
                repairedCandles.addAndGet(published.get() - before);
            }
            publish(List.of(kline));
        } catch (RuntimeException e) {
            failed("gap repair", e);
        }
    }

    private void pollIfStreamSilent() {
        if (caughtUp && System.nanoTime() - lastStreamCloseAt > settings.pollAfter().toNanos()) {
            lastStreamCloseAt = System.nanoTime();
            LOG.info("{}: no closed candle from the stream for {}; asking REST", symbol, settings.pollAfter());
            catchUp();
        }
    }

    /**
     * Fetches and publishes {@code [from, toExclusive)}. The next page is fetched while Kafka acknowledges the
     * previous one, but sent only after that acknowledgement, which is when the resume point moves.
     */
    private void fill(long from, long toExclusive) {
        List<List<Kline>> pending = new ArrayList<>(1);
        List<CompletableFuture<Void>> acks = new ArrayList<>(1);
        try {
            rest.closedKlines(symbol, from, toExclusive, page -> {
                acknowledged(pending, acks);
                acks.add(publisher.sendClosed(page, source, sourceClock.millis()));
                pending.add(page);
            });
        } finally {
            acknowledged(pending, acks);
        }
    }

    private void acknowledged(List<List<Kline>> pending, List<CompletableFuture<Void>> acks) {
        if (pending.isEmpty()) {
            return;
        }
        List<Kline> page = pending.remove(0);
        publisher.await(acks.remove(0), page);
        lastClosed = page.get(page.size() - 1).openTime();
        lastPublished = lastClosed;
        published.addAndGet(page.size());
    }

    private void publish(List<Kline> klines) {
        publisher.publishClosed(klines, source, sourceClock.millis());
        lastClosed = klines.get(klines.size() - 1).openTime();
        lastPublished = lastClosed;
        published.addAndGet(klines.size());
    }

    private void failed(String what, RuntimeException e) {
        caughtUp = false;
        if (problem == null) {
            problemSince = System.nanoTime();
        }
        problem = what + " failed: " + e.getMessage();
        long delay = retryBackoff.apply(++failures);
        LOG.warn("{}: {}; retrying in {} ms from the last published candle", symbol, problem, delay);
        if (!retryScheduled) {
            retryScheduled = true;
            try {
                executor.schedule(this::catchUp, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // shutting down
            }
        }
    }

    private void run(Runnable task) {
        try {
            ((ExecutorService) executor).execute(task);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private static long floorMinute(long time) {
        return Math.floorDiv(time, MINUTE) * MINUTE;
    }
}
