/**
 * The premium-purchase saga: it takes the payment for a requested purchase, upgrades the subscription, records the
 * receipt, and compensates every step that cannot be completed.
 */
package io.trendline.saga.purchase;
