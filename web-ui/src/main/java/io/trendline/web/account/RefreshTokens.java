package io.trendline.web.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotating refresh tokens: 256 random bits, stored as their SHA-256 only (a leaked table holds no usable token;
 * a fast hash suffices because the tokens are random, unlike passwords). Each refresh uses its token up and hands
 * out the next one of the same family. A token presented after it was used means it was copied: the whole family
 * is revoked, so the thief and the victim both have to log in again (the rule from the OAuth 2.0 Security BCP).
 */
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration ttl;
    private final Clock clock;

    RefreshTokens(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ttl = ttl;
        this.clock = clock;
    }

    record Issued(String token, Instant expiresAt) {
    }

    /** The outcome of presenting a refresh token. */
    sealed interface Rotation {
        record Rotated(String userId, Issued next) implements Rotation {
        }

        record Refused(String reason) implements Rotation {
        }
    }

    private record Row(String familyId, String userId, Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }

    Duration ttl() {
        return ttl;
    }

    /** A new family for a fresh login; also forgets the user's tokens that expired more than a ttl ago. */
    Issued startFamily(String userId) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM refresh_token WHERE user_id = ? AND expires_at < ?", userId,
                Timestamp.from(now.minus(ttl)));
        return insert(UUID.randomUUID().toString(), userId, now);
    }

    Rotation rotate(String presented) {
        Rotation rotation = transactions.execute(status -> rotateLocked(presented));
        if (rotation instanceof Rotation.Refused refused) {
            log.debug("refresh refused: {}", refused.reason());
        }
        return rotation;
    }

    /** Revokes the family of {@code presented} if it belongs to {@code userId}; false if it does not. */
    boolean revokeFamily(String presented, String userId) {
        return jdbc.update("""
                UPDATE refresh_token SET revoked_at = ? WHERE revoked_at IS NULL AND family_id = (
                    SELECT family_id FROM refresh_token WHERE token_hash = ? AND user_id = ?)""",
                Timestamp.from(clock.instant()), hash(presented), userId) > 0;
    }

    void revokeAll(String userId) {
        jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), userId);
    }

    private Rotation rotateLocked(String presented) {
        Instant now = clock.instant();
        String hash = hash(presented);
        Row row = jdbc.query("SELECT * FROM refresh_token WHERE token_hash = ? FOR UPDATE", (rs, i) -> new Row(
                rs.getString("family_id"), rs.getString("user_id"), rs.getTimestamp("expires_at").toInstant(),
                instant(rs.getTimestamp("used_at")), instant(rs.getTimestamp("revoked_at"))), hash)
                .stream().findFirst().orElse(null);
        if (row == null) {
            return new Rotation.Refused("unknown");
        }
        if (row.revokedAt() != null) {
            return new Rotation.Refused("revoked");
        }
        if (row.usedAt() != null) {
            int revoked = jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE family_id = ? "
                    + "AND revoked_at IS NULL", Timestamp.from(now), row.familyId());
            log.warn("refresh token of user {} presented again after use: family {} revoked ({} tokens); the token "
                    + "was copied, or a client retried a refresh", row.userId(), row.familyId(), revoked);
            return new Rotation.Refused("reused");
        }
        if (!row.expiresAt().isAfter(now)) {
            return new Rotation.Refused("expired");
        }
        jdbc.update("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?", Timestamp.from(now), hash);
        return new Rotation.Rotated(row.userId(), insert(row.familyId(), row.userId(), now));
    }

    private Issued insert(String familyId, String userId, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(ttl);
        jdbc.update("""
                INSERT INTO refresh_token (token_hash, family_id, user_id, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""", hash(token), familyId, userId, Timestamp.from(now),
                Timestamp.from(expiresAt));
        return new Issued(token, expiresAt);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
