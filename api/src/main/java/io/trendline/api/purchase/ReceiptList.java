package io.trendline.api.purchase;

import java.util.List;

public record ReceiptList(List<ReceiptView> receipts) {

    public ReceiptList {
        receipts = List.copyOf(receipts);
    }
}
