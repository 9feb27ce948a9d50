package io.trendline.api.transaction;

import io.trendline.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a pending payment of {@code amount} for a purchase; {@code cardToken} names the payment method at the
 * processor, never a card number. Sending it again for the same {@code transactionId} and {@code idempotencyKey}
 * answers with the transaction id and charges nothing twice, so the sender should derive the transaction id from
 * the purchase ({@link #transactionIdOf}) to make a retry land on the same transaction.
 */
public record CreateTransactionCommand(@TargetAggregateIdentifier String transactionId, String purchaseId,
                                       String userId, Money amount, String idempotencyKey, String cardToken) {

    /** The one payment transaction of a purchase. */
    public static String transactionIdOf(String purchaseId) {
        return "transaction-" + purchaseId;
    }
}
