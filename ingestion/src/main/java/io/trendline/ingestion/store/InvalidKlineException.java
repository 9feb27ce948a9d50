package io.trendline.ingestion.store;

/** A candle that cannot be stored as it is; the message says why, for the dead-letter record or the import log. */
public class InvalidKlineException extends RuntimeException {

    public InvalidKlineException(String message) {
        super(message);
    }

    public InvalidKlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
