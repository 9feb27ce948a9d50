package io.trendline.ingestion.binance.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Binance spot market-data API on loopback: REST ({@link #restUrl()}, the JDK's HTTP server) and the
 * WebSocket streams ({@link #streamUrl()}, Java-WebSocket's server), two addresses as on Binance
 * ({@code api.binance.com}, {@code stream.binance.com:9443}). It serves the given candles as they would have looked
 * at the time of its {@link ReplayClock}, and can be told to misbehave ({@link #faults()}).
 *
 * <p>Java-WebSocket because it is one small jar with no dependencies beyond SLF4J that gives the server full control
 * of the socket (an abrupt drop, pings with a payload, a refused handshake); a second embedded servlet container
 * beside the application's own would give less control for more weight.
 */
public final class FakeBinance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeBinance.class);

    private final Map<String, CandleSeries> series;
    private final ReplayClock clock;
    private final HttpServer rest;
    private final ExecutorService restThreads;
    private final FakeStreamServer stream;
    private final Faults faults;
    private final Stats stats;

    private FakeBinance(Builder b) {
        this.series = b.series;
        this.clock = b.clock;
        this.stats = new Stats();
        this.faults = new Faults();
        RequestWeight weight = new RequestWeight(b.weightLimit, b.weightWindow);
        try {
            rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.restPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("fake Binance cannot listen on port " + b.restPort, e);
        }
        restThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-binance-rest");
            t.setDaemon(true);
            return t;
        });
        rest.setExecutor(restThreads);
        rest.createContext("/api/v3/klines", new FakeRestApi(series, clock, weight, faults, stats));
        stream = new FakeStreamServer(b.streamPort, series, clock, new FakeStreamServer.Settings(b.updateInterval,
                b.pingInterval, b.pongTimeout, b.maxConnectionAge), stats);
        faults.stream = stream;
    }

    public static Builder builder() {
        return new Builder();
    }

    private FakeBinance start() {
        rest.start();
        try {
            stream.startAndWait();
        } catch (RuntimeException e) {
            rest.stop(0);
            restThreads.shutdownNow();
            throw e;
        }
        LOG.info("Fake Binance serving {} at {} and {} (clock {}, speed {})", series.keySet(), restUrl(),
                streamUrl(), clock.instant(), clock.isPaused() ? "paused" : clock.speed() + "x");
        return this;
    }

    /** Base URL of the REST API, as {@code https://api.binance.com}. */
    public URI restUrl() {
        return URI.create("http://127.0.0.1:" + rest.getAddress().getPort());
    }

    /** Base URL of the streams, as {@code wss://stream.binance.com:9443}. */
    public URI streamUrl() {
        return URI.create("ws://127.0.0.1:" + stream.getPort());
    }

    public ReplayClock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public Stats stats() {
        return stats;
    }

    public CandleSeries series(String symbol) {
        return series.get(symbol);
    }

    public Collection<CandleSeries> allSeries() {
        return series.values();
    }

    /** Waits until the stream thread has sent what the clock's last move produced. */
    public void awaitStreamIdle() {
        stream.flush();
    }

    @Override
    public void close() {
        stream.shutdown();
        rest.stop(0);
        restThreads.shutdownNow();
    }

    /** A forced REST answer: 429 or 418 with {@code Retry-After}, or a 5xx. */
    record Failure(int status, Duration retryAfter) {
    }

    /** The ways the fake can misbehave, each as Binance or the network can. */
    public static final class Faults {

        private final Deque<Failure> restFailures = new ArrayDeque<>();
        private FakeStreamServer stream;

        private Faults() {
        }

        /** The next {@code count} REST requests fail with {@code status} (429 and 418 carry {@code Retry-After}). */
        public synchronized void failRestRequests(int status, int count, Duration retryAfter) {
            for (int i = 0; i < count; i++) {
                restFailures.add(new Failure(status, retryAfter));
            }
        }

        synchronized Failure nextRestFailure() {
            return restFailures.poll();
        }

        /** Closes every stream connection abruptly, without a close frame, as a network failure does. */
        public void dropConnections() {
            stream.dropAll();
        }

        /** Current stream connections stay open but receive nothing more (no data, no pings). */
        public void stallConnections() {
            stream.stallAll();
        }

        /** Sends {@code text} as it is to every live stream connection: a malformed message, for instance. */
        public void sendRaw(String text) {
            stream.sendRaw(text);
        }

        /** The next {@code count} closing updates of {@code symbol} are lost: a gap only REST can fill. */
        public void skipClosedCandles(String symbol, int count) {
            stream.skipCloses(symbol, count);
        }

        /** The next {@code count} stream handshakes are refused. */
        public void refuseConnections(int count) {
            stream.refuseHandshakes(count);
        }
    }

    /** What happened, for tests and the demo's logs. */
    public static final class Stats {
        final AtomicLong restRequests = new AtomicLong();
        final AtomicLong restTooManyRequests = new AtomicLong();
        final AtomicLong restBans = new AtomicLong();
        final AtomicLong restServerErrors = new AtomicLong();
        final AtomicLong wsConnections = new AtomicLong();
        final AtomicLong wsRefused = new AtomicLong();
        final AtomicLong wsDropped = new AtomicLong();
        final AtomicLong wsExpired = new AtomicLong();
        final AtomicLong pings = new AtomicLong();
        final AtomicLong pongs = new AtomicLong();
        final AtomicLong unexpectedPongs = new AtomicLong();
        final AtomicLong pongTimeouts = new AtomicLong();
        final AtomicLong closesSent = new AtomicLong();
        final AtomicLong closesSkipped = new AtomicLong();

        private Stats() {
        }

        public long restRequests() {
            return restRequests.get();
        }

        /** 429 answers, forced or for exceeding the weight limit. */
        public long restTooManyRequests() {
            return restTooManyRequests.get();
        }

        /** 418 answers: requests sent before an earlier {@code Retry-After} had passed, or forced. */
        public long restBans() {
            return restBans.get();
        }

        public long restServerErrors() {
            return restServerErrors.get();
        }

        public long streamConnections() {
            return wsConnections.get();
        }

        public long streamConnectionsRefused() {
            return wsRefused.get();
        }

        public long streamConnectionsDropped() {
            return wsDropped.get();
        }

        /** Connections the server closed because they reached the maximum age. */
        public long streamConnectionsExpired() {
            return wsExpired.get();
        }

        public long pings() {
            return pings.get();
        }

        /** Pongs that carried the payload of the ping they answer. */
        public long pongs() {
            return pongs.get();
        }

        public long unexpectedPongs() {
            return unexpectedPongs.get();
        }

        public long pongTimeouts() {
            return pongTimeouts.get();
        }

        public long closedCandlesSent() {
            return closesSent.get();
        }

        public long closedCandlesSkipped() {
            return closesSkipped.get();
        }
    }

    /** Settings of a fake; every duration has Binance's value by default. */
    public static final class Builder {
        private final Map<String, CandleSeries> series = new LinkedHashMap<>();
        private ReplayClock clock;
        private int restPort;
        private int streamPort;
        private long weightLimit = 6000;
        private Duration weightWindow = Duration.ofMinutes(1);
        private Duration updateInterval = Duration.ofSeconds(2);
        private Duration pingInterval = Duration.ofSeconds(20);
        private Duration pongTimeout = Duration.ofMinutes(1);
        private Duration maxConnectionAge = Duration.ofHours(24);

        private Builder() {
        }

        public Builder series(List<CandleSeries> candles) {
            candles.forEach(c -> series.put(c.symbol(), c));
            return this;
        }

        public Builder series(CandleSeries... candles) {
            return series(List.of(candles));
        }

        public Builder clock(ReplayClock replayClock) {
            this.clock = replayClock;
            return this;
        }

        /** Ports on loopback; 0 (the default) picks free ones. */
        public Builder ports(int rest, int stream) {
            this.restPort = rest;
            this.streamPort = stream;
            return this;
        }

        public Builder weightLimit(long limit, Duration window) {
            this.weightLimit = limit;
            this.weightWindow = window;
            return this;
        }

        /** Real time between updates of the candle in progress (Binance: 2 s). */
        public Builder updateInterval(Duration interval) {
            this.updateInterval = interval;
            return this;
        }

        public Builder pings(Duration interval, Duration timeout) {
            this.pingInterval = interval;
            this.pongTimeout = timeout;
            return this;
        }

        public Builder maxConnectionAge(Duration age) {
            this.maxConnectionAge = age;
            return this;
        }

        public FakeBinance start() {
            if (series.isEmpty()) {
                throw new IllegalStateException("a fake Binance needs candles to serve");
            }
            if (clock == null) {
                throw new IllegalStateException("a fake Binance needs a replay clock");
            }
            return new FakeBinance(this).start();
        }
    }
}
