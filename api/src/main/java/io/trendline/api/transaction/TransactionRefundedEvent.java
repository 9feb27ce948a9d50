package io.trendline.api.transaction;

import io.trendline.api.common.Money;
import org.axonframework.serialization.Revision;

/**
 * The full amount is owed back to the user. Carries the charge's {@code processorReference} so the payment adapter
 * can return the money at the processor without looking the charge up.
 */
@Revision("1")
public record TransactionRefundedEvent(String transactionId, String purchaseId, Money amount,
                                       String processorReference, String reason) {
}
