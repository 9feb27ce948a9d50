package io.trendline.web.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a verified access token; the token itself is not kept. */
public class JwtAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser user;

    public JwtAuthentication(AuthenticatedUser user) {
        super(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.id();
    }
}
