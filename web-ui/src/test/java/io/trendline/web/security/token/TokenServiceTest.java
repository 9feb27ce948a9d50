package io.trendline.web.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import io.trendline.web.security.AuthenticatedUser;
import io.trendline.web.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String KEY_A = "a:" + b64(bytes(1, 32));
    private static final String KEY_B = "b:" + b64(bytes(2, 32));
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final JwtKeyRing ring = JwtKeyRing.parse(KEY_A + "," + KEY_B);
    private final TokenService tokens = service(ring, "trendline", "trendline-api", CLOCK);

    private static TokenService service(JwtKeyRing keys, String issuer, String audience, Clock clock) {
        return new TokenService(keys, issuer, audience, Duration.ofMinutes(15), clock);
    }

    private String issued() {
        return tokens.issue("user-1", "u@example.test", EnumSet.of(Role.TRADER, Role.AUDITOR)).token();
    }

    private void assertRefused(String token, String message) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessage(message);
    }

    @Test
    void anIssuedTokenVerifiesToItsUserAndRolesAndNamesTheSigningKey() {
        String token = issued();

        AuthenticatedUser user = tokens.verify(token);

        assertThat(user).isEqualTo(new AuthenticatedUser("user-1", "u@example.test",
                Set.of(Role.TRADER, Role.AUDITOR)));
        assertThat(header(token)).contains("\"kid\":\"a\"", "\"alg\":\"HS256\"");
        assertThat(payload(token)).contains("\"iss\":\"trendline\"", "\"aud\":\"trendline-api\"",
                "\"exp\":" + NOW.plus(Duration.ofMinutes(15)).getEpochSecond());
    }

    @Test
    void aTokenSignedWithAnotherSecretUnderAKnownKidIsRefused() {
        TokenService forger = service(JwtKeyRing.parse("a:" + b64(bytes(9, 32))), "trendline", "trendline-api", CLOCK);

        assertRefused(forger.issue("user-1", "u@example.test", Set.of(Role.ADMIN)).token(),
                "the access token is invalid");
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String[] parts = issued().split("\\.");
        String none = b64("{\"alg\":\"none\",\"kid\":\"a\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(none + "." + parts[1] + ".", "the access token is invalid");
        assertRefused(none + "." + parts[1] + "." + parts[2], "the access token is invalid");
    }

    @Test
    void anotherHmacSizeWithTheRightKeyIsRefusedBecauseTheAlgorithmIsPinned() {
        byte[] longKey = bytes(3, 64);
        JwtKeyRing wide = JwtKeyRing.parse("w:" + b64(longKey));
        String hs512 = Jwts.builder().header().keyId("w").and().issuer("trendline").audience().add("trendline-api")
                .and().subject("user-1").claim("roles", java.util.List.of("ADMIN"))
                .expiration(Date.from(NOW.plusSeconds(60)))
                .signWith(new SecretKeySpec(longKey, "HmacSHA512"), Jwts.SIG.HS512).compact();

        assertThatThrownBy(() -> service(wide, "trendline", "trendline-api", CLOCK).verify(hs512))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aTokenSignedWithAPublicKeyAlgorithmIsRefused() {
        KeyPair pair = Jwts.SIG.ES256.keyPair().build();
        String es256 = Jwts.builder().header().keyId("a").and().issuer("trendline").audience().add("trendline-api")
                .and().subject("user-1").claim("roles", java.util.List.of("ADMIN"))
                .expiration(Date.from(NOW.plusSeconds(60))).signWith(pair.getPrivate(), Jwts.SIG.ES256).compact();

        assertRefused(es256, "the access token is invalid");
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        String token = issued();
        TokenService later = service(ring, "trendline", "trendline-api",
                Clock.offset(CLOCK, Duration.ofMinutes(15).plusSeconds(6)));

        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessage("the access token has expired");
        assertThat(service(ring, "trendline", "trendline-api", Clock.offset(CLOCK, Duration.ofMinutes(14)))
                .verify(token).id()).isEqualTo("user-1");
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceIsRefused() {
        assertRefused(service(ring, "evil", "trendline-api", CLOCK).issue("user-1", "e", Set.of(Role.TRADER))
                .token(), "the access token is invalid");
        assertRefused(service(ring, "trendline", "other-api", CLOCK).issue("user-1", "e", Set.of(Role.TRADER))
                .token(), "the access token is invalid");
    }

    @Test
    void aTokenWithAnUnknownOrMissingKidIsRefused() {
        TokenService unknownKid = service(JwtKeyRing.parse("z:" + b64(bytes(1, 32))), "trendline",
                "trendline-api", CLOCK);
        String noKid = Jwts.builder().issuer("trendline").audience().add("trendline-api").and().subject("user-1")
                .claim("roles", java.util.List.of("TRADER")).expiration(Date.from(NOW.plusSeconds(60)))
                .signWith(new SecretKeySpec(bytes(1, 32), "HmacSHA256"), Jwts.SIG.HS256).compact();

        assertRefused(unknownKid.issue("user-1", "e", Set.of(Role.TRADER)).token(), "the access token is invalid");
        assertRefused(noKid, "the access token is invalid");
    }

    @Test
    void aTamperedPayloadBreaksTheSignature() {
        String[] parts = issued().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user-1\"", "\"user-2\"");

        assertRefused(parts[0] + "." + b64(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2],
                "the access token is invalid");
    }

    @Test
    void garbageIsRefused() {
        assertRefused("", "the access token is invalid");
        assertRefused("a.b.c", "the access token is invalid");
        assertRefused("not a token", "the access token is invalid");
    }

    @Test
    void afterRotationTokensOfTheOldKeyVerifyUntilItIsDropped() {
        // given: tokens signed by key a, then b becomes the signing key and a stays for verification
        String signedByA = issued();
        JwtKeyRing rotated = JwtKeyRing.parse(KEY_B + "," + KEY_A);
        TokenService afterRotation = service(rotated, "trendline", "trendline-api", CLOCK);
        String signedByB = afterRotation.issue("user-1", "e", Set.of(Role.TRADER)).token();

        // when a is dropped
        TokenService afterDrop = service(JwtKeyRing.parse(KEY_B), "trendline", "trendline-api", CLOCK);

        // then
        assertThat(header(signedByB)).contains("\"kid\":\"b\"");
        assertThat(afterRotation.verify(signedByA).id()).isEqualTo("user-1");
        assertThat(afterDrop.verify(signedByB).id()).isEqualTo("user-1");
        assertThatThrownBy(() -> afterDrop.verify(signedByA)).isInstanceOf(InvalidTokenException.class);
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int seed, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
