package io.trendline.command.transaction;

import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.common.Money;
import io.trendline.api.common.Rejection;
import io.trendline.api.transaction.CreateTransactionCommand;
import io.trendline.api.transaction.FailTransactionCommand;
import io.trendline.api.transaction.MarkTransactionExecutedCommand;
import io.trendline.api.transaction.RefundTransactionCommand;
import io.trendline.api.transaction.TransactionCreatedEvent;
import io.trendline.api.transaction.TransactionExecutedEvent;
import io.trendline.api.transaction.TransactionFailedEvent;
import io.trendline.api.transaction.TransactionRefundedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionTest {

    private static final String ID = "transaction-1";
    private static final String PURCHASE = "purchase-1";
    private static final Money AMOUNT = Money.of("9.99", "USD");

    private FixtureConfiguration<Transaction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Transaction.class);
    }

    private static CreateTransactionCommand create(Money amount, String key) {
        return new CreateTransactionCommand(ID, PURCHASE, "alice", amount, key, "tok_approve");
    }

    private static TransactionCreatedEvent created() {
        return new TransactionCreatedEvent(ID, PURCHASE, "alice", AMOUNT, "key-1", "tok_approve");
    }

    private static TransactionExecutedEvent executed() {
        return new TransactionExecutedEvent(ID, PURCHASE, AMOUNT, "ref-1");
    }

    private static Matcher<Object> rejection(Rejection.Kind kind, String code) {
        return new TypeSafeMatcher<>(Rejection.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                Rejection rejection = (Rejection) item;
                return rejection.kind() == kind && rejection.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rejection coded " + code);
            }
        };
    }

    @Test
    void creatingATransactionMakesItPending() {
        // given
        fixture.givenNoPriorActivity()
                // when
                .when(create(AMOUNT, "key-1"))
                // then
                .expectEvents(created())
                .expectResultMessagePayload(ID);
    }

    @Test
    void creatingAZeroAmountIsRejected() {
        // given
        fixture.givenNoPriorActivity()
                // when
                .when(create(Money.of("0.00", "USD"), "key-1"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "transaction.invalid-amount"));
    }

    @Test
    void creatingANegativeAmountIsRejected() {
        // given
        fixture.givenNoPriorActivity()
                // when
                .when(create(Money.of("-9.99", "USD"), "key-1"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "transaction.invalid-amount"));
    }

    @Test
    void creatingWithoutACardTokenIsRejected() {
        // given
        fixture.givenNoPriorActivity()
                // when
                .when(new CreateTransactionCommand(ID, PURCHASE, "alice", AMOUNT, "key-1", null))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "transaction.card-token-required"));
    }

    @Test
    void repeatingACreateWithTheSameIdempotencyKeyChargesNothingTwice() {
        // given
        fixture.given(created())
                // when
                .when(create(AMOUNT, "key-1"))
                // then
                .expectNoEvents()
                .expectResultMessagePayload(ID);
    }

    @Test
    void creatingAnExistingTransactionUnderAnotherIdempotencyKeyIsRejected() {
        // given
        fixture.given(created())
                // when
                .when(create(AMOUNT, "key-2"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "transaction.already-exists"));
    }

    @Test
    void markingAPendingTransactionExecutedRecordsTheProcessorReference() {
        // given
        fixture.given(created())
                // when
                .when(new MarkTransactionExecutedCommand(ID, "ref-1"))
                // then
                .expectEvents(executed());
    }

    @Test
    void markingExecutedWithoutAProcessorReferenceIsRejected() {
        // given
        fixture.given(created())
                // when
                .when(new MarkTransactionExecutedCommand(ID, null))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(
                        rejection(Rejection.Kind.INVALID, "transaction.processor-reference-required"));
    }

    @Test
    void markingAFailedTransactionExecutedIsRejected() {
        // given
        fixture.given(created(), new TransactionFailedEvent(ID, PURCHASE, "declined"))
                // when
                .when(new MarkTransactionExecutedCommand(ID, "ref-1"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "transaction.already-failed"));
    }

    @Test
    void markingAnExecutedTransactionExecutedAgainIsRejected() {
        // given
        fixture.given(created(), executed())
                // when
                .when(new MarkTransactionExecutedCommand(ID, "ref-2"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "transaction.already-executed"));
    }

    @Test
    void markingAnUnknownTransactionExecutedFailsToFindIt() {
        // given
        fixture.givenNoPriorActivity()
                // when
                .when(new MarkTransactionExecutedCommand(ID, "ref-1"))
                // then
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void failingAPendingTransactionRecordsTheReason() {
        // given
        fixture.given(created())
                // when
                .when(new FailTransactionCommand(ID, "declined"))
                // then
                .expectEvents(new TransactionFailedEvent(ID, PURCHASE, "declined"));
    }

    @Test
    void failingAnExecutedTransactionIsRejected() {
        // given
        fixture.given(created(), executed())
                // when
                .when(new FailTransactionCommand(ID, "payment deadline passed"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "transaction.already-executed"));
    }

    @Test
    void failingWithoutAReasonIsRejected() {
        // given
        fixture.given(created())
                // when
                .when(new FailTransactionCommand(ID, " "))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "transaction.reason-required"));
    }

    @Test
    void refundingAnExecutedTransactionRefundsTheFullAmount() {
        // given
        fixture.given(created(), executed())
                // when
                .when(new RefundTransactionCommand(ID, "upgrade failed"))
                // then
                .expectEvents(new TransactionRefundedEvent(ID, PURCHASE, AMOUNT, "ref-1", "upgrade failed"));
    }

    @Test
    void refundingAnUnexecutedTransactionIsRejected() {
        // given
        fixture.given(created())
                // when
                .when(new RefundTransactionCommand(ID, "upgrade failed"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "transaction.not-executed"));
    }

    @Test
    void refundingAFailedTransactionIsRejected() {
        // given
        fixture.given(created(), new TransactionFailedEvent(ID, PURCHASE, "declined"))
                // when
                .when(new RefundTransactionCommand(ID, "upgrade failed"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "transaction.not-executed"));
    }

    @Test
    void refundingTwiceIsRejected() {
        // given
        fixture.given(created(), executed(),
                        new TransactionRefundedEvent(ID, PURCHASE, AMOUNT, "ref-1", "upgrade failed"))
                // when
                .when(new RefundTransactionCommand(ID, "upgrade failed"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "transaction.already-refunded"));
    }
}
