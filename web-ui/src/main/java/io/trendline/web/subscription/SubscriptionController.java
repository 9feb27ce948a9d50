package io.trendline.web.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.api.purchase.FindPurchaseQuery;
import io.trendline.api.purchase.FindReceiptsQuery;
import io.trendline.api.purchase.PurchaseStatus;
import io.trendline.api.purchase.PurchaseView;
import io.trendline.api.purchase.ReceiptList;
import io.trendline.api.subscription.FindSubscriptionQuery;
import io.trendline.api.subscription.PremiumPlan;
import io.trendline.api.subscription.RequestPremiumPurchaseCommand;
import io.trendline.api.subscription.StartSubscriptionCommand;
import io.trendline.api.subscription.SubscriptionView;
import io.trendline.web.command.AuditedCommands;
import io.trendline.web.problem.NotFoundException;
import io.trendline.web.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Premium over REST. A purchase answers 202 with the purchase to poll: the saga takes the payment and upgrades or
 * cancels within moments. The {@code Idempotency-Key} header is required; the purchase id is derived from the user
 * and the key, so a retried request (a lost answer, a double click) names the same purchase and never pays twice.
 */
@RestController
@Validated
@RequestMapping("/api/subscription")
@EnableConfigurationProperties(PremiumPrices.class)
@Tag(name = "subscription", description = "The user's plan, premium purchases and receipts")
class SubscriptionController {

    private final AuditedCommands commands;
    private final QueryGateway queries;
    private final CurrentUser currentUser;
    private final PremiumPrices prices;

    SubscriptionController(AuditedCommands commands, QueryGateway queries, CurrentUser currentUser,
                           PremiumPrices prices) {
        this.commands = commands;
        this.queries = queries;
        this.currentUser = currentUser;
        this.prices = prices;
    }

    @GetMapping("/plans")
    @Operation(summary = "The premium plans on offer, with their prices (set by the server) and lengths")
    PurchaseRequests.PlanList plans() {
        return new PurchaseRequests.PlanList(Arrays.stream(PremiumPlan.values()).map(plan ->
                new PurchaseRequests.PlanOffer(plan, prices.of(plan), plan.duration().toDays())).toList());
    }

    @PostMapping("/purchases")
    @Operation(summary = "Buy premium; poll the Location for the outcome")
    ResponseEntity<PurchaseRequests.Accepted> purchase(
            @RequestHeader("Idempotency-Key") @Pattern(regexp = "[\\x21-\\x7E]{1,128}",
                    message = "must be 1 to 128 visible ASCII characters") String idempotencyKey,
            @Valid @RequestBody PurchaseRequests.Purchase body) {
        String user = currentUser.id();
        String purchaseId = purchaseIdOf(user, idempotencyKey);
        String accepted = commands.send(user, new RequestPremiumPurchaseCommand(
                StartSubscriptionCommand.subscriptionIdOf(user), purchaseId, body.plan(), prices.of(body.plan()),
                idempotencyKey, body.cardToken()));
        return ResponseEntity.accepted().location(URI.create("/api/subscription/purchases/" + accepted))
                .body(new PurchaseRequests.Accepted(accepted, PurchaseStatus.PENDING));
    }

    @GetMapping
    @Operation(summary = "The user's plan, premium validity and pending purchase")
    SubscriptionView subscription() {
        String user = currentUser.id();
        Optional<SubscriptionView> view = queries.query(new FindSubscriptionQuery(user),
                ResponseTypes.optionalInstanceOf(SubscriptionView.class)).join();
        return view.orElseThrow(() -> new NotFoundException("no subscription for user " + user));
    }

    @GetMapping("/purchases/{id}")
    @Operation(summary = "A purchase's status: PENDING, COMPLETED, or CANCELLED with the reason")
    PurchaseView purchase(@PathVariable String id) {
        return queries.query(new FindPurchaseQuery(id), ResponseTypes.optionalInstanceOf(PurchaseView.class))
                .join()
                .filter(view -> view.userId().equals(currentUser.id()))
                .orElseThrow(() -> NotFoundException.of("purchase", id));
    }

    @GetMapping("/receipts")
    @Operation(summary = "The receipts of the user's completed purchases, newest first")
    ReceiptList receipts() {
        return queries.query(new FindReceiptsQuery(currentUser.id()), ReceiptList.class).join();
    }

    static String purchaseIdOf(String userId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("premium-purchase\n" + userId + "\n" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
