package io.trendline.web.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.api.subscription.SubscriptionView;
import io.trendline.web.problem.NotFoundException;
import io.trendline.web.security.AuthenticatedUser;
import io.trendline.web.security.CurrentUser;
import io.trendline.web.security.Role;
import io.trendline.web.security.premium.Entitlements;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The calling user: who the token says they are (no database read), and their subscription. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "accounts")
class MeController {

    private final CurrentUser currentUser;
    private final Entitlements entitlements;

    MeController(CurrentUser currentUser, Entitlements entitlements) {
        this.currentUser = currentUser;
        this.entitlements = entitlements;
    }

    @GetMapping
    @Operation(summary = "The user the access token speaks for")
    AuthRequests.User me() {
        AuthenticatedUser user = currentUser.user();
        return new AuthRequests.User(user.id(), user.email(), Role.names(user.roles()));
    }

    record Subscription(SubscriptionView subscription, boolean premium) {
    }

    @GetMapping("/subscription")
    @Operation(summary = "The user's plan as the subscription projection shows it, and whether premium applies now")
    Subscription subscription() {
        SubscriptionView view = entitlements.subscription(currentUser.id())
                .orElseThrow(() -> NotFoundException.of("subscription of user", currentUser.id()));
        return new Subscription(view, entitlements.isPremium(view));
    }
}
