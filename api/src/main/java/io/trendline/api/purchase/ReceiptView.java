package io.trendline.api.purchase;

import io.trendline.api.common.Money;
import io.trendline.api.subscription.PremiumPlan;
import java.time.Instant;

/** The receipt of a completed purchase. */
public record ReceiptView(String receiptNumber, String purchaseId, String userId, PremiumPlan plan, Money amount,
                          Instant validUntil, String transactionId, String processorReference, Instant issuedAt) {
}
