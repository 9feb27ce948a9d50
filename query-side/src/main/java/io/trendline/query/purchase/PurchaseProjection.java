package io.trendline.query.purchase;

import io.trendline.api.common.Money;
import io.trendline.api.purchase.FindPurchaseQuery;
import io.trendline.api.purchase.PurchaseStatus;
import io.trendline.api.purchase.PurchaseView;
import io.trendline.api.subscription.PremiumPlan;
import io.trendline.api.subscription.PremiumPurchaseCancelledEvent;
import io.trendline.api.subscription.PremiumPurchaseCompletedEvent;
import io.trendline.api.subscription.PremiumPurchaseRequestedEvent;
import io.trendline.api.subscription.SubscriptionUpgradedEvent;
import io.trendline.api.transaction.CreateTransactionCommand;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The status of each premium purchase, from the Subscription's events only, so the subscription's sequence number
 * orders every write and replays are idempotent.
 */
@Component
@ProcessingGroup(PurchaseProjection.PROCESSING_GROUP)
class PurchaseProjection {

    static final String PROCESSING_GROUP = "purchase-view";

    private final JdbcTemplate jdbc;

    PurchaseProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PremiumPurchaseRequestedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO purchase_view (purchase_id, subscription_id, user_id, plan, amount, currency, status,
                                           transaction_id, version, requested_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (purchase_id) DO NOTHING""",
                event.purchaseId(), event.subscriptionId(), event.userId(), event.plan().name(),
                event.price().amount(), event.price().currency(), PurchaseStatus.PENDING.name(),
                CreateTransactionCommand.transactionIdOf(event.purchaseId()), version, Timestamp.from(at),
                Timestamp.from(at));
    }

    @EventHandler
    void on(SubscriptionUpgradedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update("valid_until = ?", Timestamp.from(event.validUntil()), event.purchaseId(), version, at);
    }

    @EventHandler
    void on(PremiumPurchaseCompletedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE purchase_view SET status = ?, receipt_number = ?, valid_until = ?, version = ?,"
                        + " updated_at = ? WHERE purchase_id = ? AND version < ?", PurchaseStatus.COMPLETED.name(),
                event.receiptNumber(), Timestamp.from(event.validUntil()), version, Timestamp.from(at),
                event.purchaseId(), version);
    }

    @EventHandler
    void on(PremiumPurchaseCancelledEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE purchase_view SET status = ?, reason = ?, version = ?, updated_at = ?"
                        + " WHERE purchase_id = ? AND version < ?", PurchaseStatus.CANCELLED.name(), event.reason(),
                version, Timestamp.from(at), event.purchaseId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE purchase_view");
    }

    @QueryHandler
    Optional<PurchaseView> handle(FindPurchaseQuery query) {
        return jdbc.query("SELECT * FROM purchase_view WHERE purchase_id = ?", PurchaseProjection::toView,
                query.purchaseId()).stream().findFirst();
    }

    private void update(String assignment, Object value, String purchaseId, long version, Instant at) {
        jdbc.update("UPDATE purchase_view SET " + assignment + ", version = ?, updated_at = ?"
                + " WHERE purchase_id = ? AND version < ?", value, version, Timestamp.from(at), purchaseId, version);
    }

    private static PurchaseView toView(ResultSet row, int index) throws SQLException {
        Timestamp validUntil = row.getTimestamp("valid_until");
        return new PurchaseView(row.getString("purchase_id"), row.getString("user_id"),
                PremiumPlan.valueOf(row.getString("plan")),
                new Money(row.getBigDecimal("amount").stripTrailingZeros(), row.getString("currency").trim()),
                PurchaseStatus.valueOf(row.getString("status")), row.getString("reason"),
                row.getString("transaction_id"), validUntil == null ? null : validUntil.toInstant(),
                row.getString("receipt_number"), row.getTimestamp("requested_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
