package io.trendline.saga.purchase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout how long the saga waits for the processor's answer before it fails the payment and cancels
 *                       the purchase ({@code TRENDLINE_PURCHASE_PAYMENT_TIMEOUT})
 * @param sagaThreads    threads, and segments, of the saga's event processor ({@code TRENDLINE_PURCHASE_SAGA_THREADS});
 *                       each saga instance lives in one segment, so its events stay in order
 * @param sagaBatchSize  events the saga processor handles per transaction
 */
@ConfigurationProperties("trendline.purchase")
public record PurchaseSettings(@DefaultValue("30s") Duration paymentTimeout,
                               @DefaultValue("4") int sagaThreads,
                               @DefaultValue("10") int sagaBatchSize) {
}
