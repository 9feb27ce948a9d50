package io.trendline.command.subscription;

import io.trendline.api.common.Money;
import io.trendline.api.subscription.PremiumPlan;

/** A purchase as the subscription remembers it, to answer a repeated request and to upgrade with the right plan. */
record Purchase(String purchaseId, PremiumPlan plan, Money price) {

    boolean sameTerms(PremiumPlan otherPlan, Money otherPrice) {
        return plan == otherPlan && price.equals(otherPrice);
    }
}
