package io.trendline.saga.receipt;

/** Where a user's receipts go; the default asks the accounts ({@code FindContactAddressQuery}). */
@FunctionalInterface
public interface ReceiptRecipients {

    String addressOf(String userId);
}
