package io.trendline.query.subscription;

import io.trendline.api.subscription.FindSubscriptionQuery;
import io.trendline.api.subscription.Plan;
import io.trendline.api.subscription.PremiumPurchaseCancelledEvent;
import io.trendline.api.subscription.PremiumPurchaseRequestedEvent;
import io.trendline.api.subscription.SubscriptionDowngradedEvent;
import io.trendline.api.subscription.SubscriptionStartedEvent;
import io.trendline.api.subscription.SubscriptionUpgradedEvent;
import io.trendline.api.subscription.SubscriptionView;
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
 * Each user's plan in PostgreSQL ({@code subscription_view}), answering {@link FindSubscriptionQuery} with an
 * {@code Optional<SubscriptionView>} (empty until the user's {@code SubscriptionStartedEvent} is projected). Every
 * update is guarded by the event's sequence number, so replays and redeliveries never move a row backwards.
 */
@Component
@ProcessingGroup(SubscriptionProjection.PROCESSING_GROUP)
public class SubscriptionProjection {

    static final String PROCESSING_GROUP = "subscription-view";

    private final JdbcTemplate jdbc;

    public SubscriptionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubscriptionStartedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO subscription_view (subscription_id, user_id, plan, version, updated_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (subscription_id) DO NOTHING""",
                event.subscriptionId(), event.userId(), event.plan().name(), version, Timestamp.from(at));
    }

    @EventHandler
    void on(PremiumPurchaseRequestedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update("pending_purchase_id = ?", new Object[] {event.purchaseId()}, event.subscriptionId(), version, at);
    }

    @EventHandler
    void on(PremiumPurchaseCancelledEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update("pending_purchase_id = NULL", new Object[0], event.subscriptionId(), version, at);
    }

    @EventHandler
    void on(SubscriptionUpgradedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update("plan = ?, valid_until = ?, pending_purchase_id = NULL",
                new Object[] {Plan.PREMIUM.name(), Timestamp.from(event.validUntil())}, event.subscriptionId(),
                version, at);
    }

    @EventHandler
    void on(SubscriptionDowngradedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update("plan = ?, valid_until = NULL", new Object[] {Plan.FREE.name()}, event.subscriptionId(), version, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE subscription_view");
    }

    @QueryHandler
    public Optional<SubscriptionView> handle(FindSubscriptionQuery query) {
        return jdbc.query("SELECT * FROM subscription_view WHERE user_id = ?", SubscriptionProjection::toView,
                query.userId()).stream().findFirst();
    }

    private void update(String assignments, Object[] values, String subscriptionId, long version, Instant at) {
        Object[] arguments = new Object[values.length + 4];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = version;
        arguments[values.length + 1] = Timestamp.from(at);
        arguments[values.length + 2] = subscriptionId;
        arguments[values.length + 3] = version;
        jdbc.update("UPDATE subscription_view SET " + assignments + ", version = ?, updated_at = ?"
                + " WHERE subscription_id = ? AND version < ?", arguments);
    }

    private static SubscriptionView toView(ResultSet row, int index) throws SQLException {
        Timestamp validUntil = row.getTimestamp("valid_until");
        return new SubscriptionView(row.getString("subscription_id"), row.getString("user_id"),
                Plan.valueOf(row.getString("plan")), validUntil == null ? null : validUntil.toInstant(),
                row.getString("pending_purchase_id"));
    }
}
