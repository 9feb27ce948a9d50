package io.trendline.query.transaction;

import io.trendline.api.common.Money;
import io.trendline.api.transaction.FindTransactionsQuery;
import io.trendline.api.transaction.TransactionCreatedEvent;
import io.trendline.api.transaction.TransactionExecutedEvent;
import io.trendline.api.transaction.TransactionFailedEvent;
import io.trendline.api.transaction.TransactionList;
import io.trendline.api.transaction.TransactionRefundedEvent;
import io.trendline.api.transaction.TransactionStatus;
import io.trendline.api.transaction.TransactionView;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every payment transaction, guarded by the transaction's sequence number so replays are idempotent. */
@Component
@ProcessingGroup(TransactionProjection.PROCESSING_GROUP)
class TransactionProjection {

    static final String PROCESSING_GROUP = "transaction-view";

    private final JdbcTemplate jdbc;

    TransactionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransactionCreatedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO transaction_view (transaction_id, purchase_id, user_id, amount, currency, status, version,
                                              created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (transaction_id) DO NOTHING""",
                event.transactionId(), event.purchaseId(), event.userId(), event.amount().amount(),
                event.amount().currency(), TransactionStatus.PENDING.name(), version, Timestamp.from(at),
                Timestamp.from(at));
    }

    @EventHandler
    void on(TransactionExecutedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.transactionId(), TransactionStatus.EXECUTED, "processor_reference", event.processorReference(),
                version, at);
    }

    @EventHandler
    void on(TransactionFailedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.transactionId(), TransactionStatus.FAILED, "reason", event.reason(), version, at);
    }

    @EventHandler
    void on(TransactionRefundedEvent event, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event.transactionId(), TransactionStatus.REFUNDED, "reason", event.reason(), version, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE transaction_view");
    }

    @QueryHandler
    TransactionList handle(FindTransactionsQuery query) {
        return new TransactionList(jdbc.query("SELECT * FROM transaction_view WHERE user_id = ?"
                        + " ORDER BY created_at DESC, transaction_id", (row, i) -> new TransactionView(
                        row.getString("transaction_id"), row.getString("purchase_id"), row.getString("user_id"),
                        new Money(row.getBigDecimal("amount").stripTrailingZeros(), row.getString("currency").trim()),
                        TransactionStatus.valueOf(row.getString("status")), row.getString("processor_reference"),
                        row.getString("reason"), row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("updated_at").toInstant()),
                query.userId()));
    }

    private void update(String transactionId, TransactionStatus status, String column, String value, long version,
                        Instant at) {
        jdbc.update("UPDATE transaction_view SET status = ?, " + column + " = ?, version = ?, updated_at = ?"
                        + " WHERE transaction_id = ? AND version < ?", status.name(), value, version,
                Timestamp.from(at), transactionId, version);
    }
}
