package io.trendline.saga.payment;

/** What the processor answered to a charge. */
public sealed interface ChargeResult {

    /** The money was taken; {@code reference} names the charge at the processor. */
    record Approved(String reference) implements ChargeResult {
    }

    /** The card was declined: {@code code} as the processor names it ({@code card_declined}, ...). */
    record Declined(String code, String message) implements ChargeResult {
    }
}
