package io.trendline.api.transaction;

public enum TransactionStatus {
    /** Created; the processor has not answered yet. */
    PENDING,
    EXECUTED,
    FAILED,
    REFUNDED
}
