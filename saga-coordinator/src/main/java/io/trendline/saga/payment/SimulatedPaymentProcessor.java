package io.trendline.saga.payment;

import io.trendline.api.common.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment processor that answers as {@link TestCard} documents, with a ledger in PostgreSQL
 * ({@code simulated_payment_charge}, {@code simulated_payment_refund}) that remembers every idempotency key as a real
 * processor does: a repeated charge or refund returns the first answer, across restarts too. The ledger is written in
 * its own transaction, because a real processor's books do not roll back with the caller's. References are derived
 * from the idempotency keys, so the same calls give the same references.
 */
public class SimulatedPaymentProcessor implements PaymentProcessor {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProcessor.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final PaymentSettings settings;
    private final Clock clock;

    public SimulatedPaymentProcessor(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                     PaymentSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Optional<StoredCharge> earlier = findCharge(request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get().answer(request);
        }
        TestCard card = TestCard.of(request.cardToken()).orElse(null);
        log.debug("charge {} sent to the processor", request.idempotencyKey());
        pause(card == TestCard.SLOW_APPROVE ? settings.slowLatency() : settings.latency());
        if (card == TestCard.NO_ANSWER) {
            pause(settings.noAnswerWait());
            throw new PaymentTimeoutException("no answer for charge " + request.idempotencyKey() + " within "
                    + settings.noAnswerWait().plus(settings.latency()));
        }
        if (card == TestCard.PROCESSOR_ERROR) {
            throw new PaymentProcessorException("processing_error", "the processor failed to handle charge "
                    + request.idempotencyKey());
        }
        String declineCode = card == null ? "invalid_card"
                : card == TestCard.DECLINE ? "card_declined"
                : card == TestCard.INSUFFICIENT_FUNDS ? "insufficient_funds" : null;
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO simulated_payment_charge (idempotency_key, reference, customer_id, card_token, amount,
                                                      currency, approved, decline_code, description, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING""",
                request.idempotencyKey(), reference("ch_", request.idempotencyKey()), request.customerId(),
                request.cardToken(), request.amount().amount(), request.amount().currency(), declineCode == null,
                declineCode, request.description(), Timestamp.from(clock.instant())));
        // A concurrent call with the same key may have written first: everyone answers with what is stored.
        return findCharge(request.idempotencyKey()).orElseThrow().answer(request);
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        Optional<RefundResult> earlier = findRefund("idempotency_key = ?", request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        pause(settings.latency());
        StoredCharge charge = jdbc.query("SELECT * FROM simulated_payment_charge WHERE reference = ?",
                        SimulatedPaymentProcessor::charge, request.chargeReference()).stream().findFirst()
                .orElseThrow(() -> new PaymentProcessorException("resource_missing",
                        "no charge " + request.chargeReference()));
        if (!charge.approved()) {
            throw new PaymentProcessorException("charge_not_refundable",
                    "charge " + charge.reference() + " was declined");
        }
        if (!charge.amount().equals(request.amount())) {
            throw new PaymentProcessorException("amount_mismatch", "charge " + charge.reference() + " was "
                    + charge.amount() + ", the refund asks " + request.amount());
        }
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO simulated_payment_refund (idempotency_key, reference, charge_reference, amount, currency,
                                                      reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                request.idempotencyKey(), reference("re_", request.idempotencyKey()), charge.reference(),
                charge.amount().amount(), charge.amount().currency(), request.reason(),
                Timestamp.from(clock.instant())));
        // A charge is refunded once, whatever key asked first.
        return findRefund("charge_reference = ?", charge.reference()).orElseThrow();
    }

    @Override
    public void cancel(String chargeKey, String refundKey, String reason) {
        findCharge(chargeKey).filter(StoredCharge::approved).ifPresent(charge -> {
            RefundResult refund = refund(new RefundRequest(refundKey, charge.reference(), charge.amount(), reason));
            log.info("charge {} voided by refund {}: {}", charge.reference(), refund.reference(), reason);
        });
    }

    private Optional<StoredCharge> findCharge(String idempotencyKey) {
        return jdbc.query("SELECT * FROM simulated_payment_charge WHERE idempotency_key = ?",
                SimulatedPaymentProcessor::charge, idempotencyKey).stream().findFirst();
    }

    private Optional<RefundResult> findRefund(String where, String value) {
        return jdbc.query("SELECT reference, charge_reference FROM simulated_payment_refund WHERE " + where,
                (row, i) -> new RefundResult(row.getString(1), row.getString(2)), value).stream().findFirst();
    }

    private static StoredCharge charge(ResultSet row, int index) throws SQLException {
        return new StoredCharge(row.getString("reference"), new Money(row.getBigDecimal("amount").stripTrailingZeros(),
                row.getString("currency")), row.getBoolean("approved"), row.getString("decline_code"));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentTimeoutException("interrupted while waiting for the processor");
        }
    }

    private static String reference(String prefix, String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record StoredCharge(String reference, Money amount, boolean approved, String declineCode) {

        ChargeResult answer(ChargeRequest request) {
            if (!amount.equals(request.amount())) {
                throw new PaymentProcessorException("idempotency_key_in_use", "key " + request.idempotencyKey()
                        + " was used for a charge of " + amount + ", not " + request.amount());
            }
            return approved ? new ChargeResult.Approved(reference)
                    : new ChargeResult.Declined(declineCode, "the card was declined: " + declineCode);
        }
    }
}
