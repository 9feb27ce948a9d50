package io.trendline.api.transaction;

/** Every payment of one user, newest first; answered with a {@link TransactionList}. */
public record FindTransactionsQuery(String userId) {
}
