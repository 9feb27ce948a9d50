package io.trendline.web.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.web.security.AuthenticatedUser;
import io.trendline.web.security.JwtAuthentication;
import io.trendline.web.security.Role;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTest {

    private final RateLimitFilter filter = new RateLimitFilter(
            new RateLimiter(3, Duration.ofHours(1), 100),
            new RateLimiter(5, Duration.ofHours(1), 100),
            new RateLimiter(2, Duration.ofHours(1), 100),
            (request, response, detail) -> {
                response.setStatus(429);
                response.getWriter().write(detail);
            });

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse send(String path, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void anAddressIsRefusedWithRetryAfterOnceItsBucketIsEmpty() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send("/api/strategy-types", "192.0.2.1").getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = send("/api/strategy-types", "192.0.2.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("requests from 192.0.2.1");
        // 5 per hour refill one token every 12 minutes
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(700L, 720L);
        assertThat(send("/api/strategy-types", "192.0.2.2").getStatus()).isEqualTo(200);
    }

    @Test
    void aUserIsLimitedAcrossAddresses() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthentication(new AuthenticatedUser("u-1", "u@example.test", Set.of(Role.TRADER))));

        for (int i = 0; i < 3; i++) {
            assertThat(send("/api/me", "192.0.2." + (10 + i)).getStatus()).isEqualTo(200);
        }

        assertThat(send("/api/me", "192.0.2.20").getContentAsString()).contains("requests of user u-1");
    }

    @Test
    void credentialEndpointsHaveTheirOwnTighterLimitPerAddress() throws Exception {
        assertThat(send("/api/auth/login", "192.0.2.30").getStatus()).isEqualTo(200);
        assertThat(send("/api/auth/register", "192.0.2.30").getStatus()).isEqualTo(200);

        assertThat(send("/api/auth/login", "192.0.2.30").getStatus()).isEqualTo(429);
        assertThat(send("/api/me", "192.0.2.30").getStatus()).isEqualTo(200);
    }

    @Test
    void theStaticAppAndHealthAreNotCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send("/actuator/health", "192.0.2.40").getStatus()).isEqualTo(200);
            assertThat(send("/assets/index.js", "192.0.2.40").getStatus()).isEqualTo(200);
        }
        assertThat(send("/api/strategy-types", "192.0.2.40").getStatus()).isEqualTo(200);
    }
}
