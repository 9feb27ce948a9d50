package io.trendline.web.security.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC keys of access tokens, by key id ({@code kid}): one signs, all verify. Rotation: put a new key first
 * (it signs from then on), keep the old one after it until the tokens it signed have expired, then drop it.
 */
public final class JwtKeyRing {

    /** HS256 needs at least 256 bits (RFC 7518 3.2); jjwt refuses shorter keys anyway. */
    static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final String signingKid;
    private final Map<String, SecretKey> keys;

    private JwtKeyRing(String signingKid, Map<String, SecretKey> keys) {
        this.signingKid = signingKid;
        this.keys = Map.copyOf(keys);
    }

    /**
     * Parses {@code kid:base64key[,kid:base64key...]} (standard or URL-safe base64, at least 32 bytes each); the
     * first key signs.
     */
    public static JwtKeyRing parse(String spec) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("a JWT key must be written kid:base64key, was '"
                        + (colon > 0 ? trimmed.substring(0, colon) + ":…" : "…") + "'");
            }
            String kid = trimmed.substring(0, colon);
            byte[] secret = decode(kid, trimmed.substring(colon + 1));
            if (secret.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("JWT key " + kid + " has " + secret.length * 8
                        + " bits; at least 256 are needed");
            }
            if (keys.put(kid, new SecretKeySpec(secret, ALGORITHM)) != null) {
                throw new IllegalArgumentException("JWT key id " + kid + " appears twice");
            }
        }
        return new JwtKeyRing(keys.keySet().iterator().next(), keys);
    }

    /**
     * The development key in {@code file}, generated (256 random bits, owner-only permissions) when the file does
     * not exist yet. Its id is derived from the key so a replaced file never reuses an id.
     */
    public static JwtKeyRing developmentKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] secret = new byte[MIN_KEY_BYTES];
                new SecureRandom().nextBytes(secret);
                String spec = "dev-" + fingerprint(secret) + ":" + Base64.getEncoder().encodeToString(secret);
                Files.writeString(file, spec + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: nothing stricter to set
                }
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development JWT key " + file, e);
        }
    }

    public String signingKid() {
        return signingKid;
    }

    public SecretKey signingKey() {
        return keys.get(signingKid);
    }

    public Optional<SecretKey> verificationKey(String kid) {
        return Optional.ofNullable(kid).map(keys::get);
    }

    private static byte[] decode(String kid, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT key " + kid + " is not valid base64");
        }
    }

    private static String fingerprint(byte[] secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
