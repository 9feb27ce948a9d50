package io.trendline.ingestion.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.trendline.api.market.Kline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v3/klines} with Binance's rules: weight 2 a request, kept under a budget by the used weight Binance
 * reports ({@code X-MBX-USED-WEIGHT-1M}); on 429 and 418 no request at all until {@code Retry-After} has passed;
 * 5xx and network failures retried with exponential backoff (resilience4j); other 4xx fail at once.
 *
 * <p>The weight gate is Binance's own counter rather than a local token bucket: the counter is per IP address and
 * includes every other client on it, which no local limiter can see. When the reported weight reaches the budget,
 * requests wait for the counter's window (a calendar minute) to roll over.
 */
public final class BinanceRestClient {

    public static final int MAX_LIMIT = 1000;
    static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    private static final int KLINES_WEIGHT = 2;
    private static final Logger LOG = LoggerFactory.getLogger(BinanceRestClient.class);

    /**
     * @param weightBudget   the used weight at which requests wait for the next window (Binance allows 6,000)
     * @param weightWindow   Binance's counting window, one minute
     * @param maxAttempts    attempts per request, counting the first
     * @param backoff        first wait after a 5xx or network failure, doubled each time
     * @param maxRetryAfter  the longest {@code Retry-After} waited for in place; a longer ban fails the request
     * @param requestTimeout Binance gives up after 10 s on its side
     */
    public record Settings(URI baseUrl, int weightBudget, Duration weightWindow, int maxAttempts, Duration backoff,
                           Duration maxRetryAfter, Duration requestTimeout) {

        public static Settings defaults(URI baseUrl) {
            return new Settings(baseUrl, 5000, Duration.ofMinutes(1), 5, Duration.ofMillis(500),
                    Duration.ofMinutes(2), Duration.ofSeconds(15));
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Retry retry;
    private final Object gate = new Object();
    private long notBefore;
    private volatile long usedWeight;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong weightWaits = new AtomicLong();

    public BinanceRestClient(Settings settings, HttpClient http, ObjectMapper mapper) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.backoff(), 2.0, 0.25,
                Duration.ofSeconds(30));
        this.retry = Retry.of("binance-rest", RetryConfig.<Object>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(BinanceRestClient::retryable)
                // A rate limit is waited out by the gate before the next attempt, so no extra pause here.
                .intervalBiFunction((attempt, outcome) -> outcome.isLeft()
                        && outcome.getLeft() instanceof BinanceApiException e && e.isRateLimit()
                        ? 1L : backoff.apply(attempt))
                .build());
    }

    private static boolean retryable(Throwable e) {
        if (e instanceof BinanceApiException b) {
            return b.isServerError() || (b.isRateLimit() && b.retryAfter() != null);
        }
        return e instanceof IOException || e instanceof UncheckedIOException;
    }

    /**
     * Closed candles with open times in {@code [from, toExclusive)}, page by page (1,000 a request) in order; each
     * page goes to {@code pages} before the next is fetched. {@code toExclusive} must not be after the open time of
     * the candle in progress.
     *
     * @return the number of candles delivered
     */
    public long closedKlines(String symbol, long from, long toExclusive, Consumer<List<Kline>> pages) {
        long start = from;
        long delivered = 0;
        while (start < toExclusive) {
            List<Kline> page = klines(symbol, start, toExclusive - 1, MAX_LIMIT, true);
            if (page.isEmpty()) {
                break;
            }
            pages.accept(page);
            delivered += page.size();
            start = page.get(page.size() - 1).openTime() + BinanceKlines.MINUTE;
        }
        return delivered;
    }

    /** Open time of the candle in progress: the newest one Binance has. */
    public OptionalLong currentOpenTime(String symbol) {
        List<Kline> latest = klines(symbol, null, null, 1, false);
        return latest.isEmpty() ? OptionalLong.empty() : OptionalLong.of(latest.get(0).openTime());
    }

    /** One {@code /api/v3/klines} request (with retries); see Binance's documentation for the parameters. */
    public List<Kline> klines(String symbol, Long startTime, Long endTime, int limit, boolean closed) {
        StringBuilder uri = new StringBuilder(settings.baseUrl().toString()).append("/api/v3/klines?symbol=")
                .append(symbol).append("&interval=").append(BinanceKlines.INTERVAL);
        if (startTime != null) {
            uri.append("&startTime=").append(startTime);
        }
        if (endTime != null) {
            uri.append("&endTime=").append(endTime);
        }
        uri.append("&limit=").append(limit);
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(settings.requestTimeout()).header("Accept", "application/json").GET().build();
        try {
            byte[] body = retry.executeCallable(() -> send(request));
            return BinanceKlines.fromRest(mapper, symbol, body, closed);
        } catch (BinanceApiException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Binance klines request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("Binance klines request failed: " + request.uri(), e);
        }
    }

    /** The used weight Binance reported last. */
    public long usedWeight() {
        return usedWeight;
    }

    public long requests() {
        return requests.get();
    }

    /** 429 and 418 answers received. */
    public long rateLimitedAnswers() {
        return rateLimited.get();
    }

    /** Times a request waited because the weight budget was spent. */
    public long weightWaits() {
        return weightWaits.get();
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        awaitClearance();
        requests.incrementAndGet();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        response.headers().firstValue(WEIGHT_HEADER).ifPresent(this::recordWeight);
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if (status != 429 && status != 418) {
            throw error(status, response.body(), null);
        }
        rateLimited.incrementAndGet();
        // Binance always sends Retry-After with these; without one, wait for the weight window to roll over.
        Duration wait = response.headers().firstValue("Retry-After").map(BinanceRestClient::seconds)
                .orElse(settings.weightWindow());
        synchronized (gate) {
            notBefore = Math.max(notBefore, System.currentTimeMillis() + wait.toMillis());
        }
        LOG.warn("Binance answered {} to {}: no request for {} s", status, request.uri().getPath(), wait.toSeconds());
        throw error(status, response.body(), wait);
    }

    private void recordWeight(String header) {
        try {
            usedWeight = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (usedWeight + KLINES_WEIGHT > settings.weightBudget()) {
            long window = settings.weightWindow().toMillis();
            long nextWindow = (System.currentTimeMillis() / window + 1) * window;
            synchronized (gate) {
                notBefore = Math.max(notBefore, nextWindow);
            }
        }
    }

    /** Waits while Binance asked for a pause or the weight budget is spent; refuses to wait for a long ban. */
    private void awaitClearance() throws InterruptedException {
        long wait;
        synchronized (gate) {
            wait = notBefore - System.currentTimeMillis();
        }
        if (wait <= 0) {
            return;
        }
        if (wait > settings.maxRetryAfter().toMillis()) {
            throw new BinanceApiException(429, 0, "asked to wait " + wait / 1000 + " s, longer than "
                    + settings.maxRetryAfter().toSeconds() + " s; not sending", null);
        }
        weightWaits.incrementAndGet();
        LOG.debug("waiting {} ms before the next Binance request", wait);
        Thread.sleep(wait);
    }

    private BinanceApiException error(int status, byte[] body, Duration retryAfter) {
        int code = 0;
        String message = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try {
            JsonNode json = mapper.readTree(body);
            if (json != null && json.has("code")) {
                code = json.get("code").asInt();
                message = json.path("msg").asText(message);
            }
        } catch (IOException e) {
            // not Binance's JSON error body (a proxy's page, say): keep the text
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        boolean waitable = retryAfter != null && retryAfter.compareTo(settings.maxRetryAfter()) <= 0;
        return new BinanceApiException(status, code, message, waitable ? retryAfter : null);
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
