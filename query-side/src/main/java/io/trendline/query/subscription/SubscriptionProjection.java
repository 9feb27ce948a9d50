package io.trendline.query.subscription;

import io.trendline.api.subscription.FindSubscriptionQuery;
import io.trendline.api.subscription.Plan;
import io.trendline.api.subscription.PremiumPurchaseCancelledEvent;
import io.trendline.api.subscription.PremiumPurchaseRequestedEvent;
import io.trendline.api.subscription.SubscriptionDowngradedEvent;
import io.trendline.api.subscription.SubscriptionStartedEvent;
import io.trendline.api.subscription.SubscriptionUpgradedEvent;
import io.trendline.api.subscription.SubscriptionView;
import java.sql.Timestamp;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A user's plan in PostgreSQL, the source of the premium entitlement and of {@code GET /api/subscription}. Every
 * update is guarded by the event's sequence number, so replays and redeliveries are idempotent.
 */
@Component
@ProcessingGroup(SubscriptionProjection.PROCESSING_GROUP)
public class SubscriptionProjection {

    public static final String PROCESSING_GROUP = "subscription-view";

    private final JdbcTemplate jdbc;

    SubscriptionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubscriptionStartedEvent event, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO subscription_view (subscription_id, user_id, plan, version) VALUES (?, ?, ?, ?)
                ON CONFLICT (subscription_id) DO NOTHING""",
                event.subscriptionId(), event.userId(), event.plan().name(), version);
    }

    @EventHandler
    void on(PremiumPurchaseRequestedEvent event, @SequenceNumber long version) {
        update("pending_purchase_id = ?", event.purchaseId(), event.subscriptionId(), version);
    }

    @EventHandler
    void on(PremiumPurchaseCancelledEvent event, @SequenceNumber long version) {
        update("pending_purchase_id = ?", null, event.subscriptionId(), version);
    }

    @EventHandler
    void on(SubscriptionUpgradedEvent event, @SequenceNumber long version) {
        jdbc.update("UPDATE subscription_view SET plan = ?, valid_until = ?, pending_purchase_id = NULL, version = ?"
                        + " WHERE subscription_id = ? AND version < ?", Plan.PREMIUM.name(),
                Timestamp.from(event.validUntil()), version, event.subscriptionId(), version);
    }

    @EventHandler
    void on(SubscriptionDowngradedEvent event, @SequenceNumber long version) {
        jdbc.update("UPDATE subscription_view SET plan = ?, valid_until = NULL, version = ?"
                + " WHERE subscription_id = ? AND version < ?", Plan.FREE.name(), version, event.subscriptionId(),
                version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE subscription_view");
    }

    @QueryHandler
    Optional<SubscriptionView> handle(FindSubscriptionQuery query) {
        return jdbc.query("SELECT * FROM subscription_view WHERE user_id = ?", (row, i) -> new SubscriptionView(
                        row.getString("subscription_id"), row.getString("user_id"),
                        Plan.valueOf(row.getString("plan")),
                        row.getTimestamp("valid_until") == null ? null : row.getTimestamp("valid_until").toInstant(),
                        row.getString("pending_purchase_id")), query.userId())
                .stream().findFirst();
    }

    private void update(String assignment, Object value, String subscriptionId, long version) {
        jdbc.update("UPDATE subscription_view SET " + assignment + ", version = ? WHERE subscription_id = ?"
                + " AND version < ?", value, version, subscriptionId, version);
    }
}
