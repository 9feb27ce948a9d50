/**
 * The payment context: commands, events and queries of the {@code Transaction} aggregate, one payment of a premium
 * purchase. A transaction is created pending, then executed or failed by what the payment processor answered, and
 * an executed one can be refunded once. Every event carries the {@code purchaseId} the saga associates by.
 */
package io.trendline.api.transaction;
