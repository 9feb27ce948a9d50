package io.trendline.web.security;

import io.trendline.web.security.token.InvalidTokenException;
import io.trendline.web.security.token.TokenService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies the {@code Authorization: Bearer} token of every request that carries one. A valid token authenticates
 * the request; an invalid one is answered with 401 at once, whatever the path, so a client learns that its token
 * is bad instead of being served as anonymous. Requests without the header pass on as anonymous, and the rules in
 * {@link SecurityConfiguration} decide.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final TokenService tokens;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(TokenService tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new InvalidTokenException("the Authorization header must be 'Bearer <access token>'");
            }
            AuthenticatedUser user = tokens.verify(header.substring(BEARER.length()).strip());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new JwtAuthentication(user));
            SecurityContextHolder.setContext(context);
        } catch (InvalidTokenException e) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
