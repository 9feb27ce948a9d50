package io.trendline.saga.payment;

import io.trendline.api.common.Money;

/** A charge of {@code amount} on the card {@code cardToken} names, for {@code customerId}. */
public record ChargeRequest(String idempotencyKey, String customerId, String cardToken, Money amount,
                            String description) {
}
