package io.trendline.web.security;

import java.util.Collection;
import java.util.List;

/**
 * What a user may do; a user holds one or more. Registration gives {@link #TRADER}; an admin grants the others.
 * The matrix of which role reaches which endpoint is in {@link SecurityConfiguration} and docs/architecture.md.
 */
public enum Role {
    /** Defines strategies, runs backtests, buys premium; sees only their own strategies. */
    TRADER,
    /** Queries the analytics read models; changes nothing. */
    ANALYST,
    /** Reads every strategy and every aggregate's event history; changes nothing. */
    AUDITOR,
    /** Manages accounts and roles, reads the operational metrics. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public static List<String> names(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
