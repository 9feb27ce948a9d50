package io.trendline.api.transaction;

import io.trendline.api.common.Money;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TransactionExecutedEvent(String transactionId, String purchaseId, Money amount,
                                       String processorReference) {
}
