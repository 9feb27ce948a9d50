package io.trendline.api.purchase;

public enum PurchaseStatus {
    /** Requested; payment or upgrade under way. */
    PENDING,
    /** Paid, upgraded and receipted. */
    COMPLETED,
    /** Abandoned; any payment taken was refunded. The view's {@code reason} says why. */
    CANCELLED
}
