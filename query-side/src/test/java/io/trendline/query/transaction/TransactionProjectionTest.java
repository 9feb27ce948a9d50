package io.trendline.query.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.api.common.Money;
import io.trendline.api.transaction.FindTransactionsQuery;
import io.trendline.api.transaction.TransactionCreatedEvent;
import io.trendline.api.transaction.TransactionExecutedEvent;
import io.trendline.api.transaction.TransactionFailedEvent;
import io.trendline.api.transaction.TransactionRefundedEvent;
import io.trendline.api.transaction.TransactionStatus;
import io.trendline.api.transaction.TransactionView;
import io.trendline.query.MigratedPostgres;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transaction projection on a real PostgreSQL with the real migrations, called as Axon calls it. */
class TransactionProjectionTest {

    private static final Money AMOUNT = Money.of("99.00", "USD");
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:01Z");
    private static final Instant T2 = Instant.parse("2026-11-01T10:00:02Z");

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres();
    private TransactionProjection projection;

    @BeforeEach
    void fresh() {
        projection = new TransactionProjection(POSTGRES.jdbc());
        projection.reset();
    }

    private static TransactionCreatedEvent created(String id) {
        return new TransactionCreatedEvent(id, "p-" + id, "u1", AMOUNT, "k-" + id, "4242424242424242");
    }

    @Test
    void aUsersTransactionsAreListedNewestFirstWithWhatBecameOfThem() {
        // given
        projection.on(created("t1"), 0, T0);
        projection.on(created("t2"), 0, T1);

        // when
        projection.on(new TransactionExecutedEvent("t1", "p-t1", AMOUNT, "ch_1"), 1, T1);
        projection.on(new TransactionRefundedEvent("t1", "p-t1", AMOUNT, "ch_1", "upgrade-failed"), 2, T2);
        projection.on(new TransactionFailedEvent("t2", "p-t2", "declined: card_declined"), 1, T2);

        // then
        assertThat(projection.handle(new FindTransactionsQuery("u1")).transactions()).containsExactly(
                new TransactionView("t2", "p-t2", "u1", AMOUNT, TransactionStatus.FAILED, null,
                        "declined: card_declined", T1, T2),
                new TransactionView("t1", "p-t1", "u1", AMOUNT, TransactionStatus.REFUNDED, "ch_1", "upgrade-failed",
                        T0, T2));
        assertThat(projection.handle(new FindTransactionsQuery("u2")).transactions()).isEmpty();
    }

    @Test
    void aRedeliveredEventNeverMovesATransactionBack() {
        // given
        projection.on(created("t1"), 0, T0);
        projection.on(new TransactionExecutedEvent("t1", "p-t1", AMOUNT, "ch_1"), 1, T1);
        projection.on(new TransactionRefundedEvent("t1", "p-t1", AMOUNT, "ch_1", "cancelled"), 2, T2);

        // when
        projection.on(created("t1"), 0, T0);
        projection.on(new TransactionExecutedEvent("t1", "p-t1", AMOUNT, "ch_1"), 1, T1);

        // then
        assertThat(projection.handle(new FindTransactionsQuery("u1")).transactions().get(0).status())
                .isEqualTo(TransactionStatus.REFUNDED);
    }
}
