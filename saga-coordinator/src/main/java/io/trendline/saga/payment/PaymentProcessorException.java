package io.trendline.saga.payment;

/** The processor answered with an error ({@code code} as it names it); nothing was charged or refunded. */
public class PaymentProcessorException extends RuntimeException {

    private final String code;

    public PaymentProcessorException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
