package io.trendline.saga.payment;

/**
 * A payment provider. Every call carries an idempotency key: repeating a call with the same key returns the first
 * answer and moves no money twice, as real providers guarantee, so a caller that does not know whether its call
 * arrived simply calls again.
 */
public interface PaymentProcessor {

    /**
     * Charges the card; a decline is an answer, not an exception.
     *
     * @throws PaymentProcessorException the processor answered with an error: nothing was charged
     * @throws PaymentTimeoutException   no answer in time: the charge may or may not have happened
     */
    ChargeResult charge(ChargeRequest request);

    /**
     * Returns an approved charge in full; at most one refund per charge.
     *
     * @throws PaymentProcessorException the processor refused or failed: nothing was refunded
     */
    RefundResult refund(RefundRequest request);

    /**
     * Voids whatever the processor holds under a charge's idempotency key: an approved charge is refunded under
     * {@code refundKey}, a declined or unknown one is left alone. Used when the outcome of a charge was never learnt.
     */
    void cancel(String chargeKey, String refundKey, String reason);
}
