package io.trendline.web.subscription;

import io.trendline.api.common.Money;
import io.trendline.api.subscription.PremiumPlan;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What each plan costs ({@code TRENDLINE_PREMIUM_PRICE_MONTHLY}, {@code _YEARLY}, {@code TRENDLINE_PREMIUM_CURRENCY}).
 * The server sets the price; a client only names the plan.
 */
@ConfigurationProperties("trendline.premium")
record PremiumPrices(@DefaultValue("USD") String currency, Map<PremiumPlan, BigDecimal> prices) {

    private static final Map<PremiumPlan, BigDecimal> DEFAULTS = Map.of(
            PremiumPlan.MONTHLY, new BigDecimal("9.99"), PremiumPlan.YEARLY, new BigDecimal("99.00"));

    Money of(PremiumPlan plan) {
        BigDecimal amount = prices == null || !prices.containsKey(plan) ? DEFAULTS.get(plan) : prices.get(plan);
        return new Money(amount, currency);
    }
}
