package io.trendline.ingestion.binance;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trendline.binance.*}: where and how the collector talks to Binance. Every setting has Binance's documented
 * value or a safe default and can be set by environment variable: the name in upper case, dots to underscores,
 * dashes dropped ({@code TRENDLINE_BINANCE_MODE}, {@code TRENDLINE_BINANCE_REPLAY_SPEED},
 * {@code TRENDLINE_BINANCE_MAXBACKFILL}).
 */
@ConfigurationProperties("trendline.binance")
public class BinanceProperties {

    /** {@code live}: Binance at the URLs below; {@code replay}: the built-in fake replaying recorded candles. */
    public enum Mode { LIVE, REPLAY }

    private Mode mode = Mode.LIVE;
    private URI restUrl = URI.create("https://api.binance.com");
    private URI wsUrl = URI.create("wss://stream.binance.com:9443");
    /** How far back to start for a symbol never collected before. */
    private Duration initialBackfill = Duration.ofDays(1);
    /** The longest gap caught up over REST after a restart; older minutes are for the file import. */
    private Duration maxBackfill = Duration.ofDays(30);
    /** Silence of the stream after which REST is polled for new candles. */
    private Duration pollAfter = Duration.ofMinutes(2);
    /** Used request weight (of Binance's 6,000 a minute per IP) at which requests wait for the next minute. */
    private int weightBudget = 5000;
    private Duration weightWindow = Duration.ofMinutes(1);
    private int maxAttempts = 5;
    private Duration retryBackoff = Duration.ofMillis(500);
    /** Longest Retry-After waited for in place; a longer ban fails the request and the feed retries later. */
    private Duration maxRetryAfter = Duration.ofMinutes(2);
    private Duration requestTimeout = Duration.ofSeconds(15);
    private Duration reconnectMin = Duration.ofSeconds(1);
    private Duration reconnectMax = Duration.ofMinutes(1);
    /** No frame (not even Binance's ping every 20 s) for this long: the connection is dead. */
    private Duration stallTimeout = Duration.ofMinutes(1);
    /** Age at which a stream connection is replaced, before Binance cuts it at 24 h. */
    private Duration renewAfter = Duration.ofHours(23);
    private Duration retryMin = Duration.ofSeconds(1);
    private Duration retryMax = Duration.ofMinutes(1);
    /** The health turns DOWN when the stream or a symbol has been failing for this long. */
    private Duration downAfter = Duration.ofMinutes(2);
    private final Replay replay = new Replay();

    /** {@code trendline.binance.replay.*}: the fake and the recorded candles it replays. */
    public static class Replay {
        /** Folder with {@code <SYMBOL>-1m-*.csv[.gz]}; empty: the first {@code shared/data/klines} from the working
         * directory up. */
        private Path dir;
        /** 1 = real time; 60 = an hour of candles a minute. */
        private double speed = 1;
        /** Replay time to start at; empty: where the last run stopped, else the first candle + the initial backfill. */
        private Instant start;

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }

        public double getSpeed() {
            return speed;
        }

        public void setSpeed(double speed) {
            this.speed = speed;
        }

        public Instant getStart() {
            return start;
        }

        public void setStart(Instant start) {
            this.start = start;
        }
    }

    BinanceRestClient.Settings restSettings(URI baseUrl) {
        return new BinanceRestClient.Settings(baseUrl, weightBudget, weightWindow, maxAttempts, retryBackoff,
                maxRetryAfter, requestTimeout);
    }

    BinanceStream.Settings streamSettings(URI baseUrl) {
        return new BinanceStream.Settings(baseUrl, reconnectMin, reconnectMax, stallTimeout, renewAfter,
                Duration.ofSeconds(10));
    }

    SymbolFeed.Settings feedSettings() {
        return new SymbolFeed.Settings(initialBackfill, maxBackfill, retryMin, retryMax, pollAfter);
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public URI getRestUrl() {
        return restUrl;
    }

    public void setRestUrl(URI restUrl) {
        this.restUrl = restUrl;
    }

    public URI getWsUrl() {
        return wsUrl;
    }

    public void setWsUrl(URI wsUrl) {
        this.wsUrl = wsUrl;
    }

    public Duration getInitialBackfill() {
        return initialBackfill;
    }

    public void setInitialBackfill(Duration initialBackfill) {
        this.initialBackfill = initialBackfill;
    }

    public Duration getMaxBackfill() {
        return maxBackfill;
    }

    public void setMaxBackfill(Duration maxBackfill) {
        this.maxBackfill = maxBackfill;
    }

    public Duration getPollAfter() {
        return pollAfter;
    }

    public void setPollAfter(Duration pollAfter) {
        this.pollAfter = pollAfter;
    }

    public int getWeightBudget() {
        return weightBudget;
    }

    public void setWeightBudget(int weightBudget) {
        this.weightBudget = weightBudget;
    }

    public Duration getWeightWindow() {
        return weightWindow;
    }

    public void setWeightWindow(Duration weightWindow) {
        this.weightWindow = weightWindow;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getReconnectMin() {
        return reconnectMin;
    }

    public void setReconnectMin(Duration reconnectMin) {
        this.reconnectMin = reconnectMin;
    }

    public Duration getReconnectMax() {
        return reconnectMax;
    }

    public void setReconnectMax(Duration reconnectMax) {
        this.reconnectMax = reconnectMax;
    }

    public Duration getStallTimeout() {
        return stallTimeout;
    }

    public void setStallTimeout(Duration stallTimeout) {
        this.stallTimeout = stallTimeout;
    }

    public Duration getRenewAfter() {
        return renewAfter;
    }

    public void setRenewAfter(Duration renewAfter) {
        this.renewAfter = renewAfter;
    }

    public Duration getRetryMin() {
        return retryMin;
    }

    public void setRetryMin(Duration retryMin) {
        this.retryMin = retryMin;
    }

    public Duration getRetryMax() {
        return retryMax;
    }

    public void setRetryMax(Duration retryMax) {
        this.retryMax = retryMax;
    }

    public Duration getDownAfter() {
        return downAfter;
    }

    public void setDownAfter(Duration downAfter) {
        this.downAfter = downAfter;
    }

    public Replay getReplay() {
        return replay;
    }
}
