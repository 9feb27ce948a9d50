package io.trendline.web.security.premium;

import io.trendline.web.security.AuthenticatedUser;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;

/** Grants {@link RequiresPremium} methods to authenticated premium users only. */
class PremiumAuthorizationManager implements AuthorizationManager<MethodInvocation> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private final Supplier<Entitlements> entitlements;

    PremiumAuthorizationManager(Supplier<Entitlements> entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, MethodInvocation invocation) {
        Authentication auth = authentication.get();
        if (auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser user)) {
            return new AuthorizationDecision(false);
        }
        if (entitlements.get().isPremium(user.id())) {
            return GRANTED;
        }
        return new PremiumRequired("this needs a premium subscription; yours is free or has expired");
    }
}
