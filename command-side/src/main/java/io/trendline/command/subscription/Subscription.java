package io.trendline.command.subscription;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.trendline.api.common.CommandRejectedException;
import io.trendline.api.subscription.CancelPremiumPurchaseCommand;
import io.trendline.api.subscription.CompletePremiumPurchaseCommand;
import io.trendline.api.subscription.ExpireSubscriptionCommand;
import io.trendline.api.subscription.Plan;
import io.trendline.api.subscription.PremiumPurchaseCancelledEvent;
import io.trendline.api.subscription.PremiumPurchaseCompletedEvent;
import io.trendline.api.subscription.PremiumPurchaseRequestedEvent;
import io.trendline.api.subscription.RequestPremiumPurchaseCommand;
import io.trendline.api.subscription.StartSubscriptionCommand;
import io.trendline.api.subscription.SubscriptionDowngradedEvent;
import io.trendline.api.subscription.SubscriptionStartedEvent;
import io.trendline.api.subscription.SubscriptionUpgradedEvent;
import io.trendline.api.subscription.UpgradeSubscriptionCommand;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's plan and the premium purchases made on it; at most one purchase is pending at a time. Snapshots serialize
 * the fields directly (there are no getters); the revision lets Axon skip snapshots of an older shape. "Now" is
 * Axon's event clock, which the test fixture controls.
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Aggregate(snapshotTriggerDefinition = "subscriptionSnapshotTrigger")
class Subscription {

    @AggregateIdentifier
    private String subscriptionId;
    private String userId;
    private Plan plan;
    private Instant validUntil;
    private String pendingPurchaseId;
    private Map<String, Purchase> purchasesByIdempotencyKey = new HashMap<>();
    /** Upgraded purchases whose receipt is not yet recorded, with the validity each one bought. */
    private Map<String, Instant> awaitingCompletion = new HashMap<>();
    private Set<String> completedPurchaseIds = new HashSet<>();

    protected Subscription() {
        // for Axon
    }

    @CommandHandler
    Subscription(StartSubscriptionCommand command) {
        require(command.subscriptionId(), "subscription.id-required", "subscriptionId");
        require(command.userId(), "subscription.user-id-required", "userId");
        apply(new SubscriptionStartedEvent(command.subscriptionId(), command.userId(), Plan.FREE));
    }

    /** Answers with the purchase id: the new one, or the earlier one for a repeated idempotency key. */
    @CommandHandler
    String handle(RequestPremiumPurchaseCommand command) {
        require(command.purchaseId(), "subscription.purchase-id-required", "purchaseId");
        require(command.idempotencyKey(), "subscription.idempotency-key-required", "idempotencyKey");
        require(command.cardToken(), "subscription.card-token-required", "cardToken");
        if (command.plan() == null) {
            throw CommandRejectedException.invalid("subscription.plan-required", "a purchase needs a premium plan");
        }
        if (command.price() == null || !command.price().isPositive()) {
            throw CommandRejectedException.invalid("subscription.invalid-price",
                    "the price must be a positive amount, was " + command.price());
        }
        Purchase earlier = purchasesByIdempotencyKey.get(command.idempotencyKey());
        if (earlier != null) {
            if (!earlier.sameTerms(command.plan(), command.price())) {
                throw CommandRejectedException.conflict("subscription.idempotency-key-reused",
                        "idempotency key " + command.idempotencyKey() + " was used for purchase "
                                + earlier.purchaseId() + " of " + earlier.plan() + " for " + earlier.price());
            }
            return earlier.purchaseId();
        }
        if (findPurchase(command.purchaseId()) != null) {
            throw CommandRejectedException.conflict("subscription.purchase-id-taken",
                    "purchase " + command.purchaseId() + " already exists under another idempotency key");
        }
        if (pendingPurchaseId != null) {
            throw CommandRejectedException.conflict("subscription.purchase-pending",
                    "purchase " + pendingPurchaseId + " is still pending");
        }
        Instant renewableFrom = plan == Plan.PREMIUM ? validUntil.minus(command.plan().duration()) : null;
        if (renewableFrom != null && renewableFrom.isAfter(now())) {
            throw CommandRejectedException.conflict("subscription.already-premium",
                    "premium is valid until " + validUntil + "; " + command.plan() + " can be bought from "
                            + renewableFrom);
        }
        apply(new PremiumPurchaseRequestedEvent(subscriptionId, userId, command.purchaseId(), command.plan(),
                command.price(), command.idempotencyKey(), command.cardToken(),
                plan == Plan.PREMIUM ? validUntil : null));
        return command.purchaseId();
    }

    @CommandHandler
    void handle(UpgradeSubscriptionCommand command) {
        Purchase purchase = requirePending(command.purchaseId());
        if (command.validUntil() == null) {
            throw CommandRejectedException.invalid("subscription.valid-until-required", "validUntil is required");
        }
        Instant floor = plan == Plan.PREMIUM && validUntil.isAfter(now()) ? validUntil : now();
        if (!command.validUntil().isAfter(floor)) {
            throw CommandRejectedException.invalid("subscription.validity-not-extended",
                    "validUntil " + command.validUntil() + " must be after " + floor);
        }
        apply(new SubscriptionUpgradedEvent(subscriptionId, userId, purchase.purchaseId(), purchase.plan(),
                command.validUntil()));
    }

    @CommandHandler
    void handle(CancelPremiumPurchaseCommand command) {
        Purchase purchase = requirePending(command.purchaseId());
        require(command.reason(), "subscription.reason-required", "reason");
        apply(new PremiumPurchaseCancelledEvent(subscriptionId, userId, purchase.purchaseId(), command.reason()));
    }

    @CommandHandler
    void handle(CompletePremiumPurchaseCommand command) {
        Purchase purchase = findPurchase(command.purchaseId());
        if (purchase == null) {
            throw CommandRejectedException.notFound("subscription.purchase-not-found",
                    "subscription " + subscriptionId + " has no purchase " + command.purchaseId());
        }
        if (completedPurchaseIds.contains(purchase.purchaseId())) {
            throw CommandRejectedException.conflict("subscription.purchase-already-completed",
                    "purchase " + purchase.purchaseId() + " is already completed");
        }
        Instant boughtUntil = awaitingCompletion.get(purchase.purchaseId());
        if (boughtUntil == null) {
            throw CommandRejectedException.conflict("subscription.purchase-not-upgraded",
                    "purchase " + purchase.purchaseId() + " was not upgraded");
        }
        require(command.transactionId(), "subscription.transaction-id-required", "transactionId");
        require(command.processorReference(), "subscription.processor-reference-required", "processorReference");
        require(command.receiptNumber(), "subscription.receipt-number-required", "receiptNumber");
        apply(new PremiumPurchaseCompletedEvent(subscriptionId, userId, purchase.purchaseId(), purchase.plan(),
                purchase.price(), boughtUntil, command.transactionId(), command.processorReference(),
                command.receiptNumber()));
    }

    @CommandHandler
    void handle(ExpireSubscriptionCommand command) {
        if (command.at() == null) {
            throw CommandRejectedException.invalid("subscription.at-required", "the expiry time is required");
        }
        if (plan != Plan.PREMIUM) {
            throw CommandRejectedException.conflict("subscription.not-premium",
                    "subscription " + subscriptionId + " is on the " + plan + " plan");
        }
        if (validUntil.isAfter(command.at())) {
            throw CommandRejectedException.conflict("subscription.not-expired",
                    "premium is valid until " + validUntil + ", after " + command.at());
        }
        apply(new SubscriptionDowngradedEvent(subscriptionId, userId, validUntil, command.at()));
    }

    @EventSourcingHandler
    void on(SubscriptionStartedEvent event) {
        subscriptionId = event.subscriptionId();
        userId = event.userId();
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(PremiumPurchaseRequestedEvent event) {
        purchasesByIdempotencyKey.put(event.idempotencyKey(),
                new Purchase(event.purchaseId(), event.plan(), event.price()));
        pendingPurchaseId = event.purchaseId();
    }

    @EventSourcingHandler
    void on(SubscriptionUpgradedEvent event) {
        plan = Plan.PREMIUM;
        validUntil = event.validUntil();
        pendingPurchaseId = null;
        awaitingCompletion.put(event.purchaseId(), event.validUntil());
    }

    @EventSourcingHandler
    void on(PremiumPurchaseCompletedEvent event) {
        awaitingCompletion.remove(event.purchaseId());
        completedPurchaseIds.add(event.purchaseId());
    }

    @EventSourcingHandler
    void on(PremiumPurchaseCancelledEvent event) {
        pendingPurchaseId = null;
    }

    @EventSourcingHandler
    void on(SubscriptionDowngradedEvent event) {
        plan = Plan.FREE;
        validUntil = null;
    }

    private Purchase requirePending(String purchaseId) {
        Purchase purchase = findPurchase(purchaseId);
        if (purchase == null) {
            throw CommandRejectedException.notFound("subscription.purchase-not-found",
                    "subscription " + subscriptionId + " has no purchase " + purchaseId);
        }
        if (!purchase.purchaseId().equals(pendingPurchaseId)) {
            throw CommandRejectedException.conflict("subscription.purchase-not-pending",
                    "purchase " + purchaseId + " is no longer pending");
        }
        return purchase;
    }

    private Purchase findPurchase(String purchaseId) {
        return purchasesByIdempotencyKey.values().stream()
                .filter(purchase -> purchase.purchaseId().equals(purchaseId))
                .findFirst().orElse(null);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private static void require(String value, String code, String field) {
        if (value == null || value.isBlank()) {
            throw CommandRejectedException.invalid(code, field + " is required");
        }
    }
}
