package io.trendline.query.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.api.common.Money;
import io.trendline.api.subscription.FindSubscriptionQuery;
import io.trendline.api.subscription.Plan;
import io.trendline.api.subscription.PremiumPlan;
import io.trendline.api.subscription.PremiumPurchaseCancelledEvent;
import io.trendline.api.subscription.PremiumPurchaseRequestedEvent;
import io.trendline.api.subscription.SubscriptionDowngradedEvent;
import io.trendline.api.subscription.SubscriptionStartedEvent;
import io.trendline.api.subscription.SubscriptionUpgradedEvent;
import io.trendline.api.subscription.SubscriptionView;
import io.trendline.query.MigratedPostgres;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The projection on a real PostgreSQL with the real migrations, its handlers called as Axon calls them. */
class SubscriptionProjectionTest {

    private static final String CARD = "4242424242424242";

    private static final String SUB = "subscription-u1";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-01T10:00:00Z");

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();
    private SubscriptionProjection projection;

    @BeforeEach
    void fresh() {
        projection = new SubscriptionProjection(POSTGRES.jdbc());
        projection.reset();
    }

    private SubscriptionView view() {
        return projection.handle(new FindSubscriptionQuery("u1")).orElseThrow();
    }

    @Test
    void aStartedSubscriptionIsFreeAndUnknownUsersHaveNone() {
        projection.on(new SubscriptionStartedEvent(SUB, "u1", Plan.FREE), 0, T0);

        assertThat(view()).isEqualTo(new SubscriptionView(SUB, "u1", Plan.FREE, null, null));
        assertThat(projection.handle(new FindSubscriptionQuery("nobody"))).isEmpty();
    }

    @Test
    void aPurchaseIsPendingUntilUpgradedOrCancelledAndExpiryReturnsToFree() {
        projection.on(new SubscriptionStartedEvent(SUB, "u1", Plan.FREE), 0, T0);
        projection.on(new PremiumPurchaseRequestedEvent(SUB, "u1", "p1", PremiumPlan.MONTHLY, Money.of("9.99", "EUR"),
                "k1", CARD, null), 1, T0);
        assertThat(view().pendingPurchaseId()).isEqualTo("p1");

        projection.on(new PremiumPurchaseCancelledEvent(SUB, "u1", "p1", "declined"), 2, T0);
        assertThat(view()).isEqualTo(new SubscriptionView(SUB, "u1", Plan.FREE, null, null));

        projection.on(new PremiumPurchaseRequestedEvent(SUB, "u1", "p2", PremiumPlan.MONTHLY, Money.of("9.99", "EUR"),
                "k2", CARD, null), 3, T0);
        projection.on(new SubscriptionUpgradedEvent(SUB, "u1", "p2", PremiumPlan.MONTHLY, UNTIL), 4, T0);
        assertThat(view()).isEqualTo(new SubscriptionView(SUB, "u1", Plan.PREMIUM, UNTIL, null));

        projection.on(new SubscriptionDowngradedEvent(SUB, "u1", UNTIL, UNTIL), 5, UNTIL);
        assertThat(view()).isEqualTo(new SubscriptionView(SUB, "u1", Plan.FREE, null, null));
    }

    @Test
    void replayedOrRedeliveredEventsNeverMoveTheRowBackwards() {
        SubscriptionStartedEvent started = new SubscriptionStartedEvent(SUB, "u1", Plan.FREE);
        PremiumPurchaseRequestedEvent requested = new PremiumPurchaseRequestedEvent(SUB, "u1", "p1",
                PremiumPlan.YEARLY, Money.of("99", "EUR"), "k1", CARD, null);
        projection.on(started, 0, T0);
        projection.on(requested, 1, T0);
        projection.on(new SubscriptionUpgradedEvent(SUB, "u1", "p1", PremiumPlan.YEARLY, UNTIL), 2, T0);
        SubscriptionView upgraded = view();

        projection.on(started, 0, T0);
        projection.on(requested, 1, T0);
        projection.on(new SubscriptionUpgradedEvent(SUB, "u1", "p1", PremiumPlan.YEARLY, UNTIL), 2, T0);

        assertThat(view()).isEqualTo(upgraded);
        assertThat(POSTGRES.jdbc().queryForObject("SELECT version FROM subscription_view", Long.class)).isEqualTo(2);
    }
}
