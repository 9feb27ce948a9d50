package io.trendline.api.subscription;

import io.trendline.api.common.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The purchase is paid, upgraded and receipted; its saga ends here. Carries everything a receipt shows, so the receipt
 * mail and the receipts read model follow from this one event and an auditor finds the payment beside the upgrade.
 */
@Revision("1")
public record PremiumPurchaseCompletedEvent(String subscriptionId, String userId, String purchaseId, PremiumPlan plan,
                                            Money price, Instant validUntil, String transactionId,
                                            String processorReference, String receiptNumber) {
}
