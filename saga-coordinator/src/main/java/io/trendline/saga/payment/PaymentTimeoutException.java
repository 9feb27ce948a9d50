package io.trendline.saga.payment;

/** The processor did not answer in time: whether it charged is unknown until it is asked again with the same key. */
public class PaymentTimeoutException extends RuntimeException {

    public PaymentTimeoutException(String message) {
        super(message);
    }
}
