package io.trendline.query.purchase;

import io.trendline.api.common.Money;
import io.trendline.api.purchase.FindReceiptsQuery;
import io.trendline.api.purchase.ReceiptList;
import io.trendline.api.purchase.ReceiptView;
import io.trendline.api.subscription.PremiumPlan;
import io.trendline.api.subscription.PremiumPurchaseCompletedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The receipts of completed purchases, one row per receipt number, inserted once whatever is replayed. */
@Component
@ProcessingGroup(ReceiptProjection.PROCESSING_GROUP)
class ReceiptProjection {

    static final String PROCESSING_GROUP = "receipt-view";

    private final JdbcTemplate jdbc;

    ReceiptProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PremiumPurchaseCompletedEvent event, @org.axonframework.eventhandling.Timestamp Instant issuedAt) {
        jdbc.update("""
                INSERT INTO receipt_view (receipt_number, purchase_id, user_id, plan, amount, currency, valid_until,
                                          transaction_id, processor_reference, issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (receipt_number) DO NOTHING""",
                event.receiptNumber(), event.purchaseId(), event.userId(), event.plan().name(),
                event.price().amount(), event.price().currency(), Timestamp.from(event.validUntil()),
                event.transactionId(), event.processorReference(), Timestamp.from(issuedAt));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE receipt_view");
    }

    @QueryHandler
    ReceiptList handle(FindReceiptsQuery query) {
        return new ReceiptList(jdbc.query("SELECT * FROM receipt_view WHERE user_id = ?"
                        + " ORDER BY issued_at DESC, receipt_number", (row, i) -> new ReceiptView(
                        row.getString("receipt_number"), row.getString("purchase_id"), row.getString("user_id"),
                        PremiumPlan.valueOf(row.getString("plan")),
                        new Money(row.getBigDecimal("amount").stripTrailingZeros(), row.getString("currency").trim()),
                        row.getTimestamp("valid_until").toInstant(), row.getString("transaction_id"),
                        row.getString("processor_reference"), row.getTimestamp("issued_at").toInstant()),
                query.userId()));
    }
}
