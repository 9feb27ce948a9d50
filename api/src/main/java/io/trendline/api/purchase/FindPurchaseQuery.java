package io.trendline.api.purchase;

/** One purchase by id; answered with an optional {@link PurchaseView}. */
public record FindPurchaseQuery(String purchaseId) {
}
