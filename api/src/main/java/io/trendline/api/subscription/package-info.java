/**
 * The subscription context: a user's plan and the premium purchases on it, as commands, events and queries of the
 * {@code Subscription} aggregate. The premium-purchase saga starts on {@link PremiumPurchaseRequestedEvent} and ends
 * on {@link PremiumPurchaseCompletedEvent} or {@link PremiumPurchaseCancelledEvent}, associated by {@code purchaseId}.
 */
package io.trendline.api.subscription;
