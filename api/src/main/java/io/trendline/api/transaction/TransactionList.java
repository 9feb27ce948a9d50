package io.trendline.api.transaction;

import java.util.List;

public record TransactionList(List<TransactionView> transactions) {

    public TransactionList {
        transactions = List.copyOf(transactions);
    }
}
