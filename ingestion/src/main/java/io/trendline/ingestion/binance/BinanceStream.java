package io.trendline.ingestion.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.trendline.api.market.Kline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's combined kline stream ({@code /stream?streams=btcusdt@kline_1m/…}) over the JDK's WebSocket client.
 * Keeps one connection up: reconnects with exponential backoff after a close, an error or a stall (no frame, not
 * even a ping, within {@code stallTimeout}); opens a new connection before Binance's 24-hour cut and retires the old
 * one once the new one is up, so the switch loses nothing. Pings are answered by the JDK's client itself, with the
 * ping's payload, as long as the listener keeps requesting frames, which this one always does.
 *
 * <p>All connection management runs on one thread; messages are handed to the {@link Handler} on the client's
 * thread, in the order of their connection.
 */
public final class BinanceStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceStream.class);

    /** Receives what the stream brings; must return quickly. */
    public interface Handler {
        void onKline(Kline kline);

        void onMalformed(String raw, String reason);
    }

    /**
     * @param stallTimeout silence after which a connection counts as dead (Binance pings every 20 s)
     * @param renewAfter   age at which a connection is replaced (Binance cuts at 24 h)
     */
    public record Settings(URI baseUrl, Duration reconnectMin, Duration reconnectMax, Duration stallTimeout,
                           Duration renewAfter, Duration connectTimeout) {

        public static Settings defaults(URI baseUrl) {
            return new Settings(baseUrl, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
                    Duration.ofHours(23), Duration.ofSeconds(10));
        }
    }

    private final Settings settings;
    private final Set<String> symbols;
    private final Handler handler;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final URI uri;
    private final IntervalFunction backoff;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong renewals = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile Connection current;
    private volatile Connection retiring;
    private volatile boolean closed;
    private volatile String lastProblem;
    private volatile long downSince = System.nanoTime();
    private boolean connecting;
    private int failures;
    private ScheduledFuture<?> pendingConnect;

    public BinanceStream(Settings settings, List<String> symbols, Handler handler, HttpClient http,
                         ObjectMapper mapper) {
        this.settings = settings;
        this.symbols = new LinkedHashSet<>(symbols);
        this.handler = handler;
        this.http = http;
        this.mapper = mapper;
        this.uri = URI.create(settings.baseUrl() + "/stream?streams=" + symbols.stream()
                .map(s -> s.toLowerCase() + "@kline_" + BinanceKlines.INTERVAL).collect(Collectors.joining("/")));
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.reconnectMin(), 2.0, 0.5,
                settings.reconnectMax());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binance-stream");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        long check = Math.max(20, Math.min(1000, settings.stallTimeout().toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::checkStall, check, check, TimeUnit.MILLISECONDS);
        scheduler.execute(this::connect);
    }

    public boolean isConnected() {
        return current != null;
    }

    /** How long the stream has been without a connection; zero while connected. */
    public Duration downFor() {
        return current != null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - downSince);
    }

    /** Connections opened so far, renewals included. */
    public long connects() {
        return connects.get();
    }

    /** Connections replaced before Binance's 24-hour cut. */
    public long renewals() {
        return renewals.get();
    }

    /** Connections given up because nothing arrived within the stall timeout. */
    public long stalls() {
        return stalls.get();
    }

    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** The last reason a connection ended or could not be opened; {@code null} if none. */
    public String lastProblem() {
        return lastProblem;
    }

    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        Connection c = current;
        if (c != null && c.ws != null) {
            c.ws.abort();
        }
        Connection r = retiring;
        if (r != null && r.ws != null) {
            r.ws.abort();
        }
    }

    // ---- connection management, on the scheduler thread ----

    private void connect() {
        if (closed || connecting) {
            return;
        }
        connecting = true;
        Connection c = new Connection();
        http.newWebSocketBuilder().connectTimeout(settings.connectTimeout()).buildAsync(uri, c)
                .whenComplete((ws, error) -> execute(() -> opened(c, ws, error)));
    }

    private void opened(Connection c, WebSocket ws, Throwable error) {
        connecting = false;
        if (error != null) {
            failedAttempts.incrementAndGet();
            lastProblem = "cannot connect to " + uri + ": " + rootMessage(error);
            LOG.warn("Binance stream: {}", lastProblem);
            scheduleReconnect();
            return;
        }
        if (closed) {
            ws.abort();
            return;
        }
        c.ws = ws;
        c.lastFrameAt = System.nanoTime();
        Connection old = current;
        current = c;
        failures = 0;
        connects.incrementAndGet();
        if (old != null) {
            renewals.incrementAndGet();
            old.retire();
            LOG.info("Binance stream renewed before the 24-hour cut");
        } else {
            LOG.info("Binance stream connected: {}", uri);
        }
        c.renewal = scheduler.schedule(() -> renew(c), settings.renewAfter().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew(Connection c) {
        if (c == current && !closed) {
            connect();
        }
    }

    private void lost(Connection c, String reason) {
        if (c != current || closed) {
            return;
        }
        current = null;
        downSince = System.nanoTime();
        if (c.renewal != null) {
            c.renewal.cancel(false);
        }
        lastProblem = reason;
        LOG.warn("Binance stream lost: {}; reconnecting", reason);
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (closed || (pendingConnect != null && !pendingConnect.isDone())) {
            return;
        }
        long delay = backoff.apply(++failures);
        pendingConnect = scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void checkStall() {
        Connection c = current;
        if (c != null && System.nanoTime() - c.lastFrameAt > settings.stallTimeout().toNanos()) {
            stalls.incrementAndGet();
            c.ws.abort();
            lost(c, "no message or ping for " + settings.stallTimeout().toMillis() + " ms");
        }
    }

    private void execute(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** One WebSocket connection and its listener. */
    private final class Connection implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        volatile WebSocket ws;
        volatile long lastFrameAt = System.nanoTime();
        ScheduledFuture<?> renewal;

        void retire() {
            retiring = this;
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "renewed");
            // Messages still in flight on it arrive meanwhile; then it goes, whether or not the server answered.
            scheduler.schedule(ws::abort, 1, TimeUnit.SECONDS);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastFrameAt = System.nanoTime();
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                // Also from a connection being retired: the server may have sent a message to it alone just before
                // the new one was registered; the feeds drop what they already have.
                deliver(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastFrameAt = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            // The JDK sends the pong (same payload) itself; a ping also proves the connection alive.
            lastFrameAt = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            execute(() -> lost(this, "closed by Binance: " + statusCode + (reason.isEmpty() ? "" : " " + reason)));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            execute(() -> lost(this, "connection failed: " + rootMessage(error)));
        }

        private void deliver(String message) {
            Kline kline;
            try {
                kline = BinanceKlines.fromStream(mapper, message, symbols);
            } catch (BinanceKlines.MalformedMessageException e) {
                handler.onMalformed(message, e.getMessage());
                return;
            }
            try {
                handler.onKline(kline);
            } catch (RuntimeException e) {
                LOG.error("Binance stream handler failed on {}", kline, e);
            }
        }
    }
}
