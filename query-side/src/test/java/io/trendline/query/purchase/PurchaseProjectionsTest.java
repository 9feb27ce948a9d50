package io.trendline.query.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.api.common.Money;
import io.trendline.api.purchase.FindPurchaseQuery;
import io.trendline.api.purchase.FindReceiptsQuery;
import io.trendline.api.purchase.PurchaseStatus;
import io.trendline.api.purchase.PurchaseView;
import io.trendline.api.purchase.ReceiptView;
import io.trendline.api.subscription.PremiumPlan;
import io.trendline.api.subscription.PremiumPurchaseCancelledEvent;
import io.trendline.api.subscription.PremiumPurchaseCompletedEvent;
import io.trendline.api.subscription.PremiumPurchaseRequestedEvent;
import io.trendline.api.subscription.SubscriptionUpgradedEvent;
import io.trendline.query.MigratedPostgres;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The purchase and receipt projections on a real PostgreSQL with the real migrations, called as Axon calls them. */
class PurchaseProjectionsTest {

    private static final String SUB = "subscription-u1";
    private static final Money PRICE = Money.of("9.99", "USD");
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:02Z");
    private static final Instant UNTIL = Instant.parse("2026-12-01T10:00:01Z");

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();
    private PurchaseProjection purchases;
    private ReceiptProjection receipts;

    @BeforeEach
    void fresh() {
        purchases = new PurchaseProjection(POSTGRES.jdbc());
        receipts = new ReceiptProjection(POSTGRES.jdbc());
        purchases.reset();
        receipts.reset();
    }

    private static PremiumPurchaseRequestedEvent requested(String purchaseId) {
        return new PremiumPurchaseRequestedEvent(SUB, "u1", purchaseId, PremiumPlan.MONTHLY, PRICE, "k-" + purchaseId,
                "4242424242424242", null);
    }

    private static PremiumPurchaseCompletedEvent completed() {
        return new PremiumPurchaseCompletedEvent(SUB, "u1", "p1", PremiumPlan.MONTHLY, PRICE, UNTIL,
                "transaction-p1", "ch_1", "R-p1");
    }

    private PurchaseView purchase(String id) {
        return purchases.handle(new FindPurchaseQuery(id)).orElseThrow();
    }

    @Test
    void aPurchaseIsPendingThenCompletedWithItsReceipt() {
        // given
        purchases.on(requested("p1"), 1, T0);
        assertThat(purchase("p1").status()).isEqualTo(PurchaseStatus.PENDING);

        // when
        purchases.on(new SubscriptionUpgradedEvent(SUB, "u1", "p1", PremiumPlan.MONTHLY, UNTIL), 2, T1);
        purchases.on(completed(), 3, T1);
        receipts.on(completed(), T1);

        // then
        assertThat(purchase("p1")).isEqualTo(new PurchaseView("p1", "u1", PremiumPlan.MONTHLY, PRICE,
                PurchaseStatus.COMPLETED, null, "transaction-p1", UNTIL, "R-p1", T0, T1));
        assertThat(receipts.handle(new FindReceiptsQuery("u1")).receipts()).containsExactly(new ReceiptView("R-p1",
                "p1", "u1", PremiumPlan.MONTHLY, PRICE, UNTIL, "transaction-p1", "ch_1", T1));
    }

    @Test
    void aCancelledPurchaseShowsWhy() {
        // given
        purchases.on(requested("p2"), 1, T0);

        // when
        purchases.on(new PremiumPurchaseCancelledEvent(SUB, "u1", "p2", "declined: card_declined"), 2, T1);

        // then
        assertThat(purchase("p2").status()).isEqualTo(PurchaseStatus.CANCELLED);
        assertThat(purchase("p2").reason()).isEqualTo("declined: card_declined");
        assertThat(purchases.handle(new FindPurchaseQuery("unknown"))).isEmpty();
    }

    @Test
    void replayedOrRedeliveredEventsChangeNothing() {
        // given
        purchases.on(requested("p1"), 1, T0);
        purchases.on(new SubscriptionUpgradedEvent(SUB, "u1", "p1", PremiumPlan.MONTHLY, UNTIL), 2, T1);
        purchases.on(completed(), 3, T1);
        receipts.on(completed(), T1);
        PurchaseView before = purchase("p1");

        // when
        purchases.on(requested("p1"), 1, T0);
        purchases.on(new PremiumPurchaseCancelledEvent(SUB, "u1", "p1", "stale"), 2, T1);
        purchases.on(completed(), 3, T1);
        receipts.on(completed(), T1);

        // then
        assertThat(purchase("p1")).isEqualTo(before);
        assertThat(receipts.handle(new FindReceiptsQuery("u1")).receipts()).hasSize(1);
    }
}
