package io.trendline.web.account;

import io.trendline.web.security.Role;
import java.time.Instant;
import java.util.Set;

/** A row of {@code account} with its roles. */
record Account(String userId, String email, String passwordHash, Set<Role> roles, boolean enabled,
               Instant createdAt) {

    Account {
        roles = Set.copyOf(roles);
    }

    boolean has(Role role) {
        return roles.contains(role);
    }
}
