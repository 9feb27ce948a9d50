package io.trendline.api.subscription;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PremiumPurchaseCancelledEvent(String subscriptionId, String userId, String purchaseId, String reason) {
}
