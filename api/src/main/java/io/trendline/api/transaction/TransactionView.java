package io.trendline.api.transaction;

import io.trendline.api.common.Money;
import java.time.Instant;

/**
 * One payment as the read model sees it. {@code processorReference} is null until executed; {@code reason} holds
 * why it failed or was refunded, null otherwise.
 */
public record TransactionView(String transactionId, String purchaseId, String userId, Money amount,
                              TransactionStatus status, String processorReference, String reason,
                              Instant createdAt, Instant updatedAt) {
}
