package io.trendline.web.subscription;

import io.trendline.api.common.Money;
import io.trendline.api.purchase.PurchaseStatus;
import io.trendline.api.subscription.PremiumPlan;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the subscription endpoints. */
final class PurchaseRequests {

    private PurchaseRequests() {
    }

    /** {@code cardToken} names the payment method at the processor (a test card number with the simulated one). */
    record Purchase(@NotNull PremiumPlan plan, @NotBlank @Size(max = 64) String cardToken) {
    }

    record Accepted(String purchaseId, PurchaseStatus status) {
    }

    /** A plan on offer: its price and how many days of premium it adds. */
    record PlanOffer(PremiumPlan plan, Money price, long days) {
    }

    record PlanList(List<PlanOffer> plans) {
    }
}
