package io.trendline.web.security.token;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.trendline.web.security.AuthenticatedUser;
import io.trendline.web.security.Role;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies the short-lived access tokens: JWS compact tokens signed with HS256, with {@code kid},
 * issuer, audience, subject (the user id), email, roles, issue and expiry times. Verification accepts HS256 only
 * (so {@code alg: none}, other HMAC sizes and any public-key algorithm are refused), a known {@code kid}, the
 * configured issuer and audience, and an expiry in the future (with a small clock skew).
 */
public final class TokenService {

    static final String ALGORITHM = "HS256";
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final long CLOCK_SKEW_SECONDS = 5;

    private final JwtKeyRing keys;
    private final String issuer;
    private final String audience;
    private final Duration accessTtl;
    private final Clock clock;
    private final JwtParser parser;

    public TokenService(JwtKeyRing keys, String issuer, String audience, Duration accessTtl, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.accessTtl = accessTtl;
        this.clock = clock;
        this.parser = Jwts.parser()
                .sig().clear().add(Jwts.SIG.HS256).and()
                .keyLocator(new KidLocator())
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(CLOCK_SKEW_SECONDS)
                .build();
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Duration accessTtl() {
        return accessTtl;
    }

    public Issued issue(String userId, String email, Collection<Role> roles) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(accessTtl);
        String token = Jwts.builder()
                .header().keyId(keys.signingKid()).and()
                .id(UUID.randomUUID().toString())
                .issuer(issuer)
                .audience().single(audience)
                .subject(userId)
                .claim("email", email)
                .claim("roles", Role.names(roles))
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(keys.signingKey(), Jwts.SIG.HS256)
                .compact();
        return new Issued(token, expiresAt);
    }

    /** The user the token speaks for, or {@link InvalidTokenException} when any check fails. */
    public AuthenticatedUser verify(String token) {
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
                throw new JwtException("algorithm " + jws.getHeader().getAlgorithm() + " is not accepted");
            }
            Claims claims = jws.getPayload();
            if (claims.getExpiration() == null || claims.getSubject() == null || claims.getSubject().isBlank()) {
                throw new JwtException("expiry and subject are required");
            }
            return new AuthenticatedUser(claims.getSubject(), claims.get("email", String.class), roles(claims));
        } catch (ExpiredJwtException e) {
            throw new InvalidTokenException("the access token has expired");
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            log.debug("access token refused: {}", e.getMessage());
            throw new InvalidTokenException("the access token is invalid");
        }
    }

    private static Set<Role> roles(Claims claims) {
        Object value = claims.get("roles");
        if (!(value instanceof Collection<?> names)) {
            throw new JwtException("roles claim missing");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            roles.add(Role.valueOf(String.valueOf(name)));
        }
        return roles;
    }

    /** Finds the verification key by the header's {@code kid}; a token without one, or with an unknown one, fails. */
    private final class KidLocator extends LocatorAdapter<Key> {
        @Override
        protected Key locate(JwsHeader header) {
            if (!ALGORITHM.equals(header.getAlgorithm())) {
                throw new JwtException("algorithm " + header.getAlgorithm() + " is not accepted");
            }
            return keys.verificationKey(header.getKeyId())
                    .orElseThrow(() -> new JwtException("unknown key id " + header.getKeyId()));
        }
    }
}
