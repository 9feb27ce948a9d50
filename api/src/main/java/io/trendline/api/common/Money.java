package io.trendline.api.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount of money: a decimal amount in a currency's own scale, never a double. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.scale() > scale) {
            throw new IllegalArgumentException(
                    "amount " + amount.toPlainString() + " has more decimals than " + currency + " allows (" + scale + ")");
        }
        amount = amount.setScale(scale);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
