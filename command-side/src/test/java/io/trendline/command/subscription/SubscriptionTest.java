package io.trendline.command.subscription;

import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.common.Money;
import io.trendline.api.common.Rejection;
import io.trendline.api.subscription.CancelPremiumPurchaseCommand;
import io.trendline.api.subscription.CompletePremiumPurchaseCommand;
import io.trendline.api.subscription.ExpireSubscriptionCommand;
import io.trendline.api.subscription.Plan;
import io.trendline.api.subscription.PremiumPlan;
import io.trendline.api.subscription.PremiumPurchaseCancelledEvent;
import io.trendline.api.subscription.PremiumPurchaseCompletedEvent;
import io.trendline.api.subscription.PremiumPurchaseRequestedEvent;
import io.trendline.api.subscription.RequestPremiumPurchaseCommand;
import io.trendline.api.subscription.StartSubscriptionCommand;
import io.trendline.api.subscription.SubscriptionDowngradedEvent;
import io.trendline.api.subscription.SubscriptionStartedEvent;
import io.trendline.api.subscription.SubscriptionUpgradedEvent;
import io.trendline.api.subscription.UpgradeSubscriptionCommand;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final String USER = "alice";
    private static final String ID = StartSubscriptionCommand.subscriptionIdOf(USER);
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Money PRICE = Money.of("9.99", "USD");
    private static final String CARD = "4242424242424242";

    private FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
    }

    private static SubscriptionStartedEvent started() {
        return new SubscriptionStartedEvent(ID, USER, Plan.FREE);
    }

    private static RequestPremiumPurchaseCommand request(String purchaseId, String key) {
        return new RequestPremiumPurchaseCommand(ID, purchaseId, PremiumPlan.MONTHLY, PRICE, key, CARD);
    }

    private static PremiumPurchaseRequestedEvent requested(String purchaseId, String key) {
        return requested(purchaseId, key, null);
    }

    private static PremiumPurchaseRequestedEvent requested(String purchaseId, String key, Instant premiumUntil) {
        return new PremiumPurchaseRequestedEvent(ID, USER, purchaseId, PremiumPlan.MONTHLY, PRICE, key, CARD,
                premiumUntil);
    }

    private static PremiumPurchaseCompletedEvent completed(String purchaseId, Instant validUntil) {
        return new PremiumPurchaseCompletedEvent(ID, USER, purchaseId, PremiumPlan.MONTHLY, PRICE, validUntil,
                "transaction-" + purchaseId, "ch_1", "R-" + purchaseId);
    }

    private static CompletePremiumPurchaseCommand complete(String purchaseId) {
        return new CompletePremiumPurchaseCommand(ID, purchaseId, "transaction-" + purchaseId, "ch_1",
                "R-" + purchaseId);
    }

    private static SubscriptionUpgradedEvent upgraded(String purchaseId, Instant validUntil) {
        return new SubscriptionUpgradedEvent(ID, USER, purchaseId, PremiumPlan.MONTHLY, validUntil);
    }

    /** A premium subscription bought with purchase-1 that lasts until {@code validUntil}. */
    private static Object[] premiumUntil(Instant validUntil) {
        return new Object[] {started(), requested("purchase-1", "key-1"), upgraded("purchase-1", validUntil)};
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
    void startingASubscriptionPutsTheUserOnTheFreePlan() {
        // given
        fixture.givenNoPriorActivity()
                // when
                .when(StartSubscriptionCommand.forUser(USER))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(started());
    }

    @Test
    void startingASubscriptionWithoutAUserIsRejected() {
        // given
        fixture.givenNoPriorActivity()
                // when
                .when(new StartSubscriptionCommand(ID, " "))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "subscription.user-id-required"));
    }

    @Test
    void requestingAPremiumPurchaseOnTheFreePlanMakesItPending() {
        // given
        fixture.given(started())
                // when
                .when(request("purchase-1", "key-1"))
                // then
                .expectEvents(requested("purchase-1", "key-1"))
                .expectResultMessagePayload("purchase-1");
    }

    @Test
    void repeatingARequestWithTheSameIdempotencyKeyAnswersWithTheFirstPurchase() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"))
                // when
                .when(request("purchase-2", "key-1"))
                // then
                .expectNoEvents()
                .expectResultMessagePayload("purchase-1");
    }

    @Test
    void repeatingAnIdempotencyKeyAfterTheUpgradeStillStartsNoSecondPurchase() {
        // given
        fixture.given(premiumUntil(NOW.plus(Duration.ofDays(30))))
                .andGivenCurrentTime(NOW)
                // when
                .when(request("purchase-2", "key-1"))
                // then
                .expectNoEvents()
                .expectResultMessagePayload("purchase-1");
    }

    @Test
    void reusingAnIdempotencyKeyForOtherTermsIsRejected() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"))
                // when
                .when(new RequestPremiumPurchaseCommand(ID, "purchase-2", PremiumPlan.YEARLY,
                        Money.of("99.00", "USD"), "key-1", CARD))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.idempotency-key-reused"));
    }

    @Test
    void requestingWhileAPurchaseIsPendingIsRejected() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"))
                // when
                .when(request("purchase-2", "key-2"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.purchase-pending"));
    }

    @Test
    void reusingAPurchaseIdUnderAnotherKeyIsRejected() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"),
                        new PremiumPurchaseCancelledEvent(ID, USER, "purchase-1", "payment declined"))
                // when
                .when(request("purchase-1", "key-2"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.purchase-id-taken"));
    }

    @Test
    void requestingAgainAfterACancelledPurchaseStartsANewOne() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"),
                        new PremiumPurchaseCancelledEvent(ID, USER, "purchase-1", "payment declined"))
                // when
                .when(request("purchase-2", "key-2"))
                // then
                .expectEvents(requested("purchase-2", "key-2"));
    }

    @Test
    void requestingForANonPositivePriceIsRejected() {
        // given
        fixture.given(started())
                // when
                .when(new RequestPremiumPurchaseCommand(ID, "purchase-1", PremiumPlan.MONTHLY,
                        Money.of("0", "USD"), "key-1", CARD))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "subscription.invalid-price"));
    }

    @Test
    void requestingWithoutAnIdempotencyKeyIsRejected() {
        // given
        fixture.given(started())
                // when
                .when(request("purchase-1", null))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "subscription.idempotency-key-required"));
    }

    @Test
    void buyingWhileMoreThanThePlansDurationIsLeftIsRejected() {
        // given
        fixture.given(premiumUntil(NOW.plus(Duration.ofDays(40))))
                .andGivenCurrentTime(NOW)
                // when
                .when(request("purchase-2", "key-2"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.already-premium"));
    }

    @Test
    void renewingOnceAtMostThePlansDurationIsLeftIsAcceptedAndCarriesTheCurrentValidity() {
        // given
        fixture.given(premiumUntil(NOW.plus(Duration.ofDays(30))))
                .andGivenCurrentTime(NOW)
                // when
                .when(request("purchase-2", "key-2"))
                // then
                .expectEvents(requested("purchase-2", "key-2", NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void requestingWithoutACardTokenIsRejected() {
        // given
        fixture.given(started())
                // when
                .when(new RequestPremiumPurchaseCommand(ID, "purchase-1", PremiumPlan.MONTHLY, PRICE, "key-1", " "))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "subscription.card-token-required"));
    }

    @Test
    void completingAnUpgradedPurchaseRecordsItsReceipt() {
        // given
        fixture.given(premiumUntil(NOW.plus(Duration.ofDays(30))))
                // when
                .when(complete("purchase-1"))
                // then
                .expectEvents(completed("purchase-1", NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void completingAPurchaseTwiceIsRejected() {
        // given
        fixture.given(premiumUntil(NOW.plus(Duration.ofDays(30))))
                .andGiven(completed("purchase-1", NOW.plus(Duration.ofDays(30))))
                // when
                .when(complete("purchase-1"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT,
                        "subscription.purchase-already-completed"));
    }

    @Test
    void completingAPendingPurchaseIsRejected() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"))
                // when
                .when(complete("purchase-1"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.purchase-not-upgraded"));
    }

    @Test
    void completingACancelledPurchaseIsRejected() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"),
                        new PremiumPurchaseCancelledEvent(ID, USER, "purchase-1", "payment declined"))
                // when
                .when(complete("purchase-1"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.purchase-not-upgraded"));
    }

    @Test
    void upgradingForThePendingPurchaseMakesThePlanPremium() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"))
                .andGivenCurrentTime(NOW)
                // when
                .when(new UpgradeSubscriptionCommand(ID, "purchase-1", PremiumPlan.MONTHLY.validUntil(null, NOW)))
                // then
                .expectEvents(upgraded("purchase-1", NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void upgradingARenewalExtendsTheCurrentValidity() {
        // given
        Instant current = NOW.plus(Duration.ofDays(10));
        fixture.given(premiumUntil(current))
                .andGiven(requested("purchase-2", "key-2"))
                .andGivenCurrentTime(NOW)
                // when
                .when(new UpgradeSubscriptionCommand(ID, "purchase-2", PremiumPlan.MONTHLY.validUntil(current, NOW)))
                // then
                .expectEvents(upgraded("purchase-2", current.plus(Duration.ofDays(30))));
    }

    @Test
    void upgradingToAValidityThatDoesNotExtendPremiumIsRejected() {
        // given
        fixture.given(premiumUntil(NOW.plus(Duration.ofDays(10))))
                .andGiven(requested("purchase-2", "key-2"))
                .andGivenCurrentTime(NOW)
                // when
                .when(new UpgradeSubscriptionCommand(ID, "purchase-2", NOW.plus(Duration.ofDays(5))))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "subscription.validity-not-extended"));
    }

    @Test
    void upgradingForAnUnknownPurchaseIsRejected() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"))
                // when
                .when(new UpgradeSubscriptionCommand(ID, "purchase-9", NOW.plus(Duration.ofDays(30))))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.NOT_FOUND, "subscription.purchase-not-found"));
    }

    @Test
    void upgradingForACancelledPurchaseIsRejected() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"),
                        new PremiumPurchaseCancelledEvent(ID, USER, "purchase-1", "payment declined"))
                .andGivenCurrentTime(NOW)
                // when
                .when(new UpgradeSubscriptionCommand(ID, "purchase-1", NOW.plus(Duration.ofDays(30))))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.purchase-not-pending"));
    }

    @Test
    void upgradingTheSamePurchaseTwiceIsRejected() {
        // given
        fixture.given(premiumUntil(NOW.plus(Duration.ofDays(30))))
                .andGivenCurrentTime(NOW)
                // when
                .when(new UpgradeSubscriptionCommand(ID, "purchase-1", NOW.plus(Duration.ofDays(60))))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.purchase-not-pending"));
    }

    @Test
    void cancellingThePendingPurchaseRecordsTheReason() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"))
                // when
                .when(new CancelPremiumPurchaseCommand(ID, "purchase-1", "payment declined"))
                // then
                .expectEvents(new PremiumPurchaseCancelledEvent(ID, USER, "purchase-1", "payment declined"));
    }

    @Test
    void cancellingAnUpgradedPurchaseIsRejected() {
        // given
        fixture.given(premiumUntil(NOW.plus(Duration.ofDays(30))))
                // when
                .when(new CancelPremiumPurchaseCommand(ID, "purchase-1", "too late"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.purchase-not-pending"));
    }

    @Test
    void cancellingAnUnknownPurchaseIsRejected() {
        // given
        fixture.given(started())
                // when
                .when(new CancelPremiumPurchaseCommand(ID, "purchase-9", "payment declined"))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.NOT_FOUND, "subscription.purchase-not-found"));
    }

    @Test
    void cancellingWithoutAReasonIsRejected() {
        // given
        fixture.given(started(), requested("purchase-1", "key-1"))
                // when
                .when(new CancelPremiumPurchaseCommand(ID, "purchase-1", ""))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.INVALID, "subscription.reason-required"));
    }

    @Test
    void expiringAnEndedPremiumReturnsToTheFreePlan() {
        // given
        fixture.given(premiumUntil(NOW))
                // when
                .when(new ExpireSubscriptionCommand(ID, NOW))
                // then
                .expectEvents(new SubscriptionDowngradedEvent(ID, USER, NOW, NOW));
    }

    @Test
    void expiringBeforeTheValidityEndsIsRejected() {
        // given
        fixture.given(premiumUntil(NOW.plus(Duration.ofDays(1))))
                // when
                .when(new ExpireSubscriptionCommand(ID, NOW))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.not-expired"));
    }

    @Test
    void expiringAFreeSubscriptionIsRejected() {
        // given
        fixture.given(premiumUntil(NOW))
                .andGiven(new SubscriptionDowngradedEvent(ID, USER, NOW, NOW))
                // when
                .when(new ExpireSubscriptionCommand(ID, NOW.plus(Duration.ofDays(1))))
                // then
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejection(Rejection.Kind.CONFLICT, "subscription.not-premium"));
    }
}
