package io.trendline.saga.purchase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout how long the saga waits for the processor's answer before it fails the payment and cancels
 *                       the purchase ({@code TRENDLINE_PURCHASE_PAYMENT_TIMEOUT})
 */
@ConfigurationProperties("trendline.purchase")
public record PurchaseSettings(@DefaultValue("30s") Duration paymentTimeout) {
}
