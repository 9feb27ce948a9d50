package io.trendline.api.transaction;

import io.trendline.api.common.Money;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TransactionCreatedEvent(String transactionId, String purchaseId, String userId, Money amount,
                                      String idempotencyKey, String cardToken) {
}
