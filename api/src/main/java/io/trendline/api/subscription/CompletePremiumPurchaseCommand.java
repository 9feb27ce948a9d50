package io.trendline.api.subscription;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes an upgraded purchase with its receipt: the payment {@code transactionId} the processor charged under
 * {@code processorReference}. Sent by the saga once the upgrade is recorded; refused for a purchase that is not
 * upgraded or already completed.
 */
public record CompletePremiumPurchaseCommand(@TargetAggregateIdentifier String subscriptionId, String purchaseId,
                                             String transactionId, String processorReference,
                                             String receiptNumber) {

    /** Receipt numbers follow from the purchase, so a repeated completion names the same receipt. */
    public static String receiptNumberOf(String purchaseId) {
        return "R-" + purchaseId;
    }
}
