package io.trendline.ingestion.binance;

import java.time.Duration;

/**
 * An answer of Binance's REST API other than 200: its HTTP status, Binance's error code and message, and for 429 and
 * 418 how long to wait ({@code Retry-After}).
 */
public class BinanceApiException extends RuntimeException {

    private final int status;
    private final int code;
    private final Duration retryAfter;

    public BinanceApiException(int status, int code, String message, Duration retryAfter) {
        super("Binance answered " + status + (code == 0 ? "" : " (" + code + ")") + ": " + message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** Binance's error code, such as -1121 for an invalid symbol; 0 when the body had none. */
    public int code() {
        return code;
    }

    /** How long Binance asked to wait before the next request; {@code null} unless rate limited. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean isRateLimit() {
        return status == 429 || status == 418;
    }

    /** 5xx: the outcome is unknown on Binance's side; a read is safe to repeat. */
    public boolean isServerError() {
        return status >= 500;
    }
}
