package io.trendline.web.premium;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.web.security.CurrentUser;
import io.trendline.web.security.premium.RequiresPremium;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Premium-only endpoints. {@code ping} is the smallest one: it lets a client (and the tests) check the entitlement
 * before the premium features (e.g. optimisation runs) land here.
 */
@RestController
@RequestMapping("/api/premium")
@Tag(name = "premium", description = "Endpoints for premium subscribers")
public class PremiumController {

    private final CurrentUser currentUser;
    private final Clock clock;

    PremiumController(CurrentUser currentUser, Clock clock) {
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public record Pong(String userId, Instant at) {
    }

    @RequiresPremium
    @GetMapping("/ping")
    @Operation(summary = "Answers premium users; 403 premium-required for everyone else")
    public Pong ping() {
        return new Pong(currentUser.id(), clock.instant());
    }
}
