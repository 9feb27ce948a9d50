package io.trendline.saga.payment;

import io.trendline.api.common.Money;

/** A full refund of the charge {@code chargeReference}. */
public record RefundRequest(String idempotencyKey, String chargeReference, Money amount, String reason) {
}
