package io.trendline.ingestion.binance.fake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's kline streams: {@code /stream?streams=<symbol>@kline_1m/…} (each message wrapped as
 * {@code {"stream":…,"data":…}}) and the raw {@code /ws/<symbol>@kline_1m}. As the replay clock passes a minute, the
 * closing update ({@code "x":true}) of each candle goes out in order; between closes, an update of the candle in
 * progress every {@code updateInterval} of real time. The server pings every {@code pingInterval}, drops a
 * connection that has not answered within {@code pongTimeout}, and closes connections at {@code maxConnectionAge}
 * (Binance: 20 s, 1 min, 24 h).
 */
final class FakeStreamServer extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(FakeStreamServer.class);
    private static final String KLINE_SUFFIX = "@kline_1m";

    /** What the server knows of one connection. */
    private static final class Subscriber {
        final Set<String> symbols;
        final boolean combined;
        final long openedAt = System.nanoTime();
        volatile boolean stalled;
        long lastPingAt = System.nanoTime();
        byte[] pendingPing;
        long pendingSince;

        Subscriber(Set<String> symbols, boolean combined) {
            this.symbols = symbols;
            this.combined = combined;
        }
    }

    private final Map<String, CandleSeries> series;
    private final ReplayClock clock;
    private final FakeBinance.Stats stats;
    private final Settings settings;
    private final ScheduledExecutorService executor;
    private final CountDownLatch started = new CountDownLatch(1);
    private final JsonFactory json = new JsonFactory();
    private final Map<String, Long> closedCursor = new HashMap<>();
    private final Map<String, Long> lastUpdateAt = new HashMap<>();
    private final Map<String, AtomicInteger> closesToSkip = new ConcurrentHashMap<>();
    private final AtomicInteger handshakesToRefuse = new AtomicInteger();
    private final AtomicLong pingCounter = new AtomicLong();
    private volatile Exception startFailure;

    record Settings(Duration updateInterval, Duration pingInterval, Duration pongTimeout, Duration maxConnectionAge) {
    }

    FakeStreamServer(int port, Map<String, CandleSeries> series, ReplayClock clock, Settings settings,
                     FakeBinance.Stats stats) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.series = series;
        this.clock = clock;
        this.settings = settings;
        this.stats = stats;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fake-binance-stream");
            t.setDaemon(true);
            return t;
        });
        setReuseAddr(true);
        setDaemon(true);
        // The fake pings on its own schedule, as Binance does; the library's keep-alive would add its own pings.
        setConnectionLostTimeout(0);
    }

    void startAndWait() {
        long now = clock.millis();
        series.values().forEach(s -> {
            int lastClosed = s.indexAtOrBefore(now - CandleSeries.MINUTE);
            closedCursor.put(s.symbol(), lastClosed < 0 ? Long.MIN_VALUE : s.openTime(lastClosed));
        });
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake Binance stream did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the fake Binance stream", e);
        }
        if (startFailure != null) {
            throw new IllegalStateException("fake Binance stream did not start: " + startFailure.getMessage(),
                    startFailure);
        }
        long tick = Math.max(10, Math.min(settings.updateInterval().toMillis(), 1000));
        executor.scheduleWithFixedDelay(this::safeTick, 0, tick, TimeUnit.MILLISECONDS);
        long upkeep = Math.max(10, Math.min(1000, Math.min(settings.pingInterval().toMillis(),
                Math.min(settings.pongTimeout().toMillis(), settings.maxConnectionAge().toMillis())) / 4));
        executor.scheduleWithFixedDelay(this::upkeep, upkeep, upkeep, TimeUnit.MILLISECONDS);
        clock.onChange(() -> executor.execute(this::safeTick));
    }

    void shutdown() {
        executor.shutdownNow();
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        if (handshakesToRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            stats.wsRefused.incrementAndGet();
            throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "refused by fault injection");
        }
        conn.setAttachment(subscriber(request.getResourceDescriptor()));
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    private Subscriber subscriber(String resource) throws InvalidDataException {
        URI uri = URI.create(resource);
        String path = uri.getPath();
        String streams;
        boolean combined;
        if ("/stream".equals(path) && uri.getQuery() != null && uri.getQuery().startsWith("streams=")) {
            streams = uri.getQuery().substring("streams=".length());
            combined = true;
        } else if (path != null && path.startsWith("/ws/")) {
            streams = path.substring("/ws/".length());
            combined = false;
        } else {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "unknown path " + resource);
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (String stream : streams.split("/")) {
            String symbol = stream.endsWith(KLINE_SUFFIX)
                    ? stream.substring(0, stream.length() - KLINE_SUFFIX.length()).toUpperCase() : null;
            if (symbol == null || !stream.equals(stream.toLowerCase()) || !series.containsKey(symbol)) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "invalid stream " + stream);
            }
            symbols.add(symbol);
        }
        return new Subscriber(symbols, combined);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        stats.wsConnections.incrementAndGet();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        LOG.debug("stream connection closed: {} {} (by client: {})", code, reason, remote);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        // Subscription requests are not needed: the streams are named in the URL.
    }

    @Override
    public void onError(WebSocket conn, Exception e) {
        if (conn == null) {
            startFailure = e;
            started.countDown();
        } else {
            LOG.debug("stream connection error: {}", e.toString());
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        Subscriber s = conn.getAttachment();
        if (s == null) {
            return;
        }
        synchronized (s) {
            byte[] payload = bytes(frame.getPayloadData());
            if (s.pendingPing != null && java.util.Arrays.equals(payload, s.pendingPing)) {
                s.pendingPing = null;
                stats.pongs.incrementAndGet();
            } else {
                stats.unexpectedPongs.incrementAndGet();
            }
        }
    }

    // ---- faults ----

    void dropAll() {
        for (WebSocket conn : getConnections()) {
            stats.wsDropped.incrementAndGet();
            conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by fault injection");
        }
    }

    void stallAll() {
        for (WebSocket conn : getConnections()) {
            Subscriber s = conn.getAttachment();
            if (s != null) {
                s.stalled = true;
            }
        }
    }

    void sendRaw(String text) {
        executor.execute(() -> {
            for (WebSocket conn : getConnections()) {
                Subscriber s = conn.getAttachment();
                if (s != null && !s.stalled) {
                    send(conn, text);
                }
            }
        });
    }

    void skipCloses(String symbol, int count) {
        closesToSkip.computeIfAbsent(symbol, k -> new AtomicInteger()).addAndGet(count);
    }

    void refuseHandshakes(int count) {
        handshakesToRefuse.addAndGet(count);
    }

    /** Runs on the stream thread after everything queued before it; lets tests wait until a tick went out. */
    void flush() {
        try {
            executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake Binance stream thread did not respond", e);
        }
    }

    // ---- emission ----

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("fake Binance stream tick failed", e);
        }
    }

    private void tick() {
        long now = clock.millis();
        long realNow = System.nanoTime();
        for (CandleSeries s : series.values()) {
            String symbol = s.symbol();
            long cursor = closedCursor.get(symbol);
            int i = cursor == Long.MIN_VALUE ? 0 : s.indexAtOrAfter(cursor + 1);
            while (i < s.size() && s.openTime(i) + CandleSeries.MINUTE <= now) {
                AtomicInteger skip = closesToSkip.get(symbol);
                if (skip != null && skip.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    stats.closesSkipped.incrementAndGet();
                } else {
                    publish(symbol, event(WireCandle.closed(s, i), s.openTime(i) + CandleSeries.MINUTE));
                    stats.closesSent.incrementAndGet();
                }
                cursor = s.openTime(i);
                i++;
            }
            closedCursor.put(symbol, cursor);
            Long last = lastUpdateAt.get(symbol);
            boolean due = last == null || realNow - last >= settings.updateInterval().toNanos();
            if (due && i < s.size() && s.openTime(i) <= now) {
                publish(symbol, event(WireCandle.inProgress(s, i, now), now));
                lastUpdateAt.put(symbol, realNow);
            }
        }
    }

    private String event(WireCandle candle, long eventTime) {
        StringWriter out = new StringWriter(420);
        try (JsonGenerator g = json.createGenerator(out)) {
            candle.writeStreamEvent(g, eventTime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void publish(String symbol, String event) {
        String stream = symbol.toLowerCase() + KLINE_SUFFIX;
        String wrapped = null;
        for (WebSocket conn : getConnections()) {
            Subscriber s = conn.getAttachment();
            if (s == null || s.stalled || !s.symbols.contains(symbol)) {
                continue;
            }
            if (s.combined) {
                if (wrapped == null) {
                    wrapped = "{\"stream\":\"" + stream + "\",\"data\":" + event + "}";
                }
                send(conn, wrapped);
            } else {
                send(conn, event);
            }
        }
    }

    private static void send(WebSocket conn, String text) {
        try {
            conn.send(text);
        } catch (WebsocketNotConnectedException e) {
            // Closed between listing and sending: nothing to deliver to.
        }
    }

    // ---- pings and the connection lifetime ----

    private void upkeep() {
        long now = System.nanoTime();
        for (WebSocket conn : getConnections()) {
            Subscriber s = conn.getAttachment();
            if (s == null || !conn.isOpen()) {
                continue;
            }
            if (now - s.openedAt >= settings.maxConnectionAge().toNanos()) {
                stats.wsExpired.incrementAndGet();
                conn.close(CloseFrame.GOING_AWAY, "connection reached its maximum age");
                continue;
            }
            if (s.stalled) {
                continue;
            }
            synchronized (s) {
                if (s.pendingPing != null && now - s.pendingSince >= settings.pongTimeout().toNanos()) {
                    stats.pongTimeouts.incrementAndGet();
                    conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "no pong within the timeout");
                    continue;
                }
                if (now - s.lastPingAt >= settings.pingInterval().toNanos()) {
                    byte[] payload = Long.toString(pingCounter.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                    PingFrame ping = new PingFrame();
                    ping.setPayload(ByteBuffer.wrap(payload));
                    if (s.pendingPing == null) {
                        s.pendingSince = now;
                    }
                    s.pendingPing = payload;
                    s.lastPingAt = now;
                    try {
                        conn.sendFrame(ping);
                        stats.pings.incrementAndGet();
                    } catch (WebsocketNotConnectedException e) {
                        // closed meanwhile
                    }
                }
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
