package io.trendline.web.security;

import io.trendline.web.security.ratelimit.RateLimitFilter;
import io.trendline.web.security.ratelimit.RateLimiter;
import io.trendline.web.security.token.JwtKeyRing;
import io.trendline.web.security.token.TokenService;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The edge's security: stateless, every request's bearer token verified, and these rules, first match wins:
 * <pre>
 * public          POST /api/auth/register|login|refresh, /actuator/health/**, /v3/api-docs/**, /swagger-ui/**,
 *                 the static app (/, /index.html, /assets/**), /ws (the STOMP CONNECT frame carries the token)
 * ADMIN           /api/admin/**, every other /actuator endpoint (metrics, prometheus)
 * TRADER, AUDITOR GET /api/strategies/** (a trader only their own strategies, an auditor every one)
 * TRADER          every other method on /api/strategies/** (create, change, archive: own strategies only)
 * ANALYST         /api/analytics/**            AUDITOR  /api/audit/**
 * authenticated   everything else (/api/me, /api/strategy-types, /api/premium/** with {@code @RequiresPremium}, ...)
 * </pre>
 * Ownership is checked where the owner is known (StrategyController); premium by {@code @RequiresPremium}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final long MAX_RATE_LIMIT_KEYS = 100_000;

    @Bean
    JwtKeyRing jwtKeyRing(SecurityProperties properties, @Value("${trendline.data-dir:.trendline/data}") Path data) {
        String keys = properties.jwt().keys();
        if (keys != null && !keys.isBlank()) {
            return JwtKeyRing.parse(keys);
        }
        Path file = data.resolve("security").resolve("jwt-dev-key").toAbsolutePath();
        JwtKeyRing ring = JwtKeyRing.developmentKey(file);
        log.warn("TRENDLINE_JWT_KEYS is not set: access tokens are signed with the development key {} in {}; set "
                + "TRENDLINE_JWT_KEYS=kid:base64key (256 bits or more) anywhere but on a developer's machine",
                ring.signingKid(), file);
        return ring;
    }

    @Bean
    TokenService tokenService(JwtKeyRing keys, SecurityProperties properties, Clock clock) {
        SecurityProperties.Jwt jwt = properties.jwt();
        return new TokenService(keys, jwt.issuer(), jwt.audience(), jwt.accessTtl(), clock);
    }

    /** BCrypt under an id prefix ({bcrypt}…), so another algorithm can take over later without a reset. */
    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenService tokens, ProblemAuthenticationEntryPoint entryPoint,
                            ProblemAccessDeniedHandler accessDenied, ProblemWriter problems,
                            SecurityProperties properties) throws Exception {
        SecurityProperties.RateLimits limits = properties.rateLimits();
        RateLimitFilter rateLimits = new RateLimitFilter(
                new RateLimiter(limits.perUser(), limits.period(), MAX_RATE_LIMIT_KEYS),
                new RateLimiter(limits.perAddress(), limits.period(), MAX_RATE_LIMIT_KEYS),
                new RateLimiter(limits.authPerAddress(), limits.period(), MAX_RATE_LIMIT_KEYS),
                (request, response, detail) -> problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                        "rate-limited", detail));
        return http
                // Bearer tokens are never sent by the browser on its own, so there is nothing to forge across sites;
                // the refresh cookie is SameSite=Strict and only ever rotates tokens it cannot read.
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(rateLimits, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        // The async dispatch that completes a streamed answer (server-sent events) belongs to a
                        // request already authorised; its token is not read again.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login",
                                "/api/auth/refresh").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico", "/*.svg",
                                "/*.png").permitAll()
                        .requestMatchers("/ws", "/ws/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/strategies", "/api/strategies/**")
                        .hasAnyRole(Role.TRADER.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/strategies", "/api/strategies/**").hasRole(Role.TRADER.name())
                        .requestMatchers("/api/analytics/**").hasRole(Role.ANALYST.name())
                        .requestMatchers("/api/audit/**").hasRole(Role.AUDITOR.name())
                        .anyRequest().authenticated())
                .build();
    }
}
