package io.trendline.api.subscription;

import io.trendline.api.common.Money;
import org.axonframework.serialization.Revision;

/** A purchase is pending: the saga takes the payment for it and then upgrades or cancels. */
@Revision("1")
public record PremiumPurchaseRequestedEvent(String subscriptionId, String userId, String purchaseId,
                                            PremiumPlan plan, Money price, String idempotencyKey) {
}
