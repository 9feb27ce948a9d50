package io.trendline.api.subscription;

import io.trendline.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to buy {@code plan} for {@code price}, paid with the payment method {@code cardToken} names at the processor
 * (never a card number); answered with the purchase id. Repeating the command with the same {@code idempotencyKey}
 * and the same plan and price answers with the first purchase's id and starts nothing new. Refused while another
 * purchase is pending, and while the remaining premium time is longer than the plan would add (a renewal opens once
 * at most one plan duration is left).
 */
public record RequestPremiumPurchaseCommand(@TargetAggregateIdentifier String subscriptionId, String purchaseId,
                                            PremiumPlan plan, Money price, String idempotencyKey,
                                            String cardToken) {
}
