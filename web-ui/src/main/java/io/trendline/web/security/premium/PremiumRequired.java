package io.trendline.web.security.premium;

import org.springframework.security.authorization.AuthorizationDecision;

/** A refusal because the user is not premium, so the 403 can say so. */
public final class PremiumRequired extends AuthorizationDecision {

    private final String detail;

    PremiumRequired(String detail) {
        super(false);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
