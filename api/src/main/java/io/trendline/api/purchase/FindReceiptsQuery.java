package io.trendline.api.purchase;

/** Every receipt of one user, newest first; answered with a {@link ReceiptList}. */
public record FindReceiptsQuery(String userId) {
}
