package io.trendline.web.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user a request acts for: the subject of the request's verified access token. */
@Component
public class CurrentUser {

    /** The acting user's id; a request without a verified token never reaches a caller (401 before). */
    public String id() {
        return user().id();
    }

    public boolean has(Role role) {
        return user().has(role);
    }

    public AuthenticatedUser user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return user;
        }
        throw new AuthenticationCredentialsNotFoundException("no authenticated user");
    }
}
