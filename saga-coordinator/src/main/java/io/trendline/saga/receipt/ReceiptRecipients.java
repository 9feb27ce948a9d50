package io.trendline.saga.receipt;

/**
 * Where a user's receipts go. The default takes a user id that is an address as is and otherwise addresses the user
 * at the configured domain; a directory backed by the accounts replaces it by being another bean of this type.
 */
@FunctionalInterface
public interface ReceiptRecipients {

    String addressOf(String userId);
}
