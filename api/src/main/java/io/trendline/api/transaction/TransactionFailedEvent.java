package io.trendline.api.transaction;

import org.axonframework.serialization.Revision;

@Revision("1")
public record TransactionFailedEvent(String transactionId, String purchaseId, String reason) {
}
