/**
 * Receipt mails: one per completed purchase, sent through SMTP when a server is configured, logged otherwise. The
 * receipt itself is part of {@code PremiumPurchaseCompletedEvent}; the receipts read model in query-side lists it.
 */
package io.trendline.saga.receipt;
