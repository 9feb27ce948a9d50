package io.trendline.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code trendline.security.*}; every value has an environment variable in {@code trendline-defaults.yml}.
 *
 * @param jwt access and refresh tokens
 * @param bcryptStrength the BCrypt cost (log2 of the rounds); a stored hash of a lower cost is re-hashed at login
 * @param admin the account created or promoted to ADMIN at start, when both its fields are set
 * @param rateLimits requests per period per user, per address, and on the unauthenticated account endpoints
 */
@ConfigurationProperties("trendline.security")
public record SecurityProperties(Jwt jwt, @DefaultValue("10") int bcryptStrength, Admin admin,
                                 RateLimits rateLimits) {

    public SecurityProperties {
        jwt = jwt == null ? new Jwt(null, "trendline", "trendline-api", Duration.ofMinutes(15),
                Duration.ofDays(14)) : jwt;
        admin = admin == null ? new Admin(null, null) : admin;
        rateLimits = rateLimits == null ? new RateLimits(600, 1200, 20, Duration.ofMinutes(1)) : rateLimits;
    }

    /**
     * @param keys {@code kid:base64key,...}, the first signs; empty: a development key under the data directory
     */
    public record Jwt(String keys, @DefaultValue("trendline") String issuer,
                      @DefaultValue("trendline-api") String audience,
                      @DefaultValue("15m") Duration accessTtl, @DefaultValue("14d") Duration refreshTtl) {
    }

    public record Admin(String email, String password) {

        public boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }

    public record RateLimits(@DefaultValue("600") long perUser, @DefaultValue("1200") long perAddress,
                             @DefaultValue("20") long authPerAddress, @DefaultValue("1m") Duration period) {
    }
}
