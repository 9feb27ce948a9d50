package io.trendline.saga.payment;

/** A refund the processor made; {@code reference} names it there. */
public record RefundResult(String reference, String chargeReference) {
}
