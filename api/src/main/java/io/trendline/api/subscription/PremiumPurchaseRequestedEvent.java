package io.trendline.api.subscription;

import io.trendline.api.common.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A purchase is pending: the saga takes the payment for it and then upgrades or cancels. {@code premiumValidUntil} is
 * the premium validity when the purchase was requested (null on the free plan), so the saga can extend it rather
 * than start over; {@code cardToken} names the payment method at the processor.
 */
@Revision("1")
public record PremiumPurchaseRequestedEvent(String subscriptionId, String userId, String purchaseId,
                                            PremiumPlan plan, Money price, String idempotencyKey,
                                            String cardToken, Instant premiumValidUntil) {
}
