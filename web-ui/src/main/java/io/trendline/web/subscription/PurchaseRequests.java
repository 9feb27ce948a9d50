package io.trendline.web.subscription;

import io.trendline.api.purchase.PurchaseStatus;
import io.trendline.api.subscription.PremiumPlan;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the purchase endpoint. */
final class PurchaseRequests {

    private PurchaseRequests() {
    }

    /** {@code cardToken} names the payment method at the processor (a test card number with the simulated one). */
    record Purchase(@NotNull PremiumPlan plan, @NotBlank @Size(max = 64) String cardToken) {
    }

    record Accepted(String purchaseId, PurchaseStatus status) {
    }
}
