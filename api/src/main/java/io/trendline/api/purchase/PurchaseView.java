package io.trendline.api.purchase;

import io.trendline.api.common.Money;
import io.trendline.api.subscription.PremiumPlan;
import java.time.Instant;

/**
 * One premium purchase as the read model sees it. {@code validUntil} is set once upgraded, {@code reason} once
 * cancelled, {@code receiptNumber} once completed.
 */
public record PurchaseView(String purchaseId, String userId, PremiumPlan plan, Money price, PurchaseStatus status,
                           String reason, String transactionId, Instant validUntil, String receiptNumber,
                           Instant requestedAt, Instant updatedAt) {
}
