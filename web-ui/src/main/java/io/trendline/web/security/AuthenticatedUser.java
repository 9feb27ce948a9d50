package io.trendline.web.security;

import java.util.Set;

/** Who a verified access token speaks for: the principal of every authenticated request. */
public record AuthenticatedUser(String id, String email, Set<Role> roles) {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
