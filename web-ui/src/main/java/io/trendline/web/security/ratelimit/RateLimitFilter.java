package io.trendline.web.security.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.trendline.web.security.AuthenticatedUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits API and WebSocket requests per client address, per authenticated user, and, more tightly, the account
 * endpoints that take a password or a refresh token per address (against guessing). Runs after the token is
 * verified, so the user is known. A refused request gets 429 with {@code Retry-After} (whole seconds until the
 * bucket that refused has a token again) and a problem body.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /** What answers a refusal: status 429 and the problem body, written by the caller's problem writer. */
    @FunctionalInterface
    public interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException;
    }

    private static final Set<String> CREDENTIAL_PATHS =
            Set.of("/api/auth/login", "/api/auth/register", "/api/auth/refresh");

    private final RateLimiter perUser;
    private final RateLimiter perAddress;
    private final RateLimiter credentialsPerAddress;
    private final Refusal refusal;

    public RateLimitFilter(RateLimiter perUser, RateLimiter perAddress, RateLimiter credentialsPerAddress,
                           Refusal refusal) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.credentialsPerAddress = credentialsPerAddress;
        this.refusal = refusal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.equals("/ws") || path.startsWith("/ws/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (CREDENTIAL_PATHS.contains(request.getRequestURI())
                && refused(credentialsPerAddress.tryConsume(address), request, response, "account requests from "
                + address)) {
            return;
        }
        if (refused(perAddress.tryConsume(address), request, response, "requests from " + address)) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
                && refused(perUser.tryConsume(user.id()), request, response, "requests of user " + user.id())) {
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean refused(ConsumptionProbe probe, HttpServletRequest request, HttpServletResponse response,
                            String what) throws IOException {
        if (probe.isConsumed()) {
            return false;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        refusal.write(request, response, "too many " + what + "; retry in " + seconds + " s");
        return true;
    }
}
