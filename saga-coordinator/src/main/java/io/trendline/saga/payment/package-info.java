/**
 * The payment port and its adapter: {@link io.trendline.saga.payment.PaymentProcessor} is what a real provider would
 * implement; {@link io.trendline.saga.payment.SimulatedPaymentProcessor} is the standalone default with documented
 * test cards; {@link io.trendline.saga.payment.PaymentHandler} charges and refunds as transactions are created and
 * refunded, and reports the answers as commands.
 */
package io.trendline.saga.payment;
