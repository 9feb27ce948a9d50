package io.trendline.saga.payment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The cards {@link SimulatedPaymentProcessor} knows, by the token a client sends (the test card number, as with
 * Stripe's test mode; the first four follow Stripe's own test numbers). Any other token is declined with
 * {@code invalid_card}.
 *
 * <table>
 * <tr><th>token</th><th>answer</th></tr>
 * <tr><td>4242424242424242</td><td>approved after the configured latency</td></tr>
 * <tr><td>4000000000000002</td><td>declined: {@code card_declined}</td></tr>
 * <tr><td>4000000000009995</td><td>declined: {@code insufficient_funds}</td></tr>
 * <tr><td>4000000000000119</td><td>processor error: {@code processing_error}, nothing charged</td></tr>
 * <tr><td>4000000000000051</td><td>approved, but only after the slow latency (default 5 s)</td></tr>
 * <tr><td>4000000000000044</td><td>never answers: the call times out after the no-answer wait, outcome unknown</td></tr>
 * </table>
 */
public enum TestCard {

    APPROVE("4242424242424242"),
    DECLINE("4000000000000002"),
    INSUFFICIENT_FUNDS("4000000000009995"),
    PROCESSOR_ERROR("4000000000000119"),
    SLOW_APPROVE("4000000000000051"),
    NO_ANSWER("4000000000000044");

    private final String token;

    TestCard(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<TestCard> of(String token) {
        return Arrays.stream(values()).filter(card -> card.token.equals(token)).findFirst();
    }
}
