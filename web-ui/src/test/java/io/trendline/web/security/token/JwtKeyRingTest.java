package io.trendline.web.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtKeyRingTest {

    @TempDir
    Path dir;

    private static String key(int length) {
        return Base64.getEncoder().encodeToString(new byte[length]);
    }

    @Test
    void theFirstKeySignsAndEveryKeyVerifies() {
        JwtKeyRing ring = JwtKeyRing.parse("new:" + key(32) + ", old:" + key(48));

        assertThat(ring.signingKid()).isEqualTo("new");
        assertThat(ring.verificationKey("old")).isPresent();
        assertThat(ring.verificationKey("gone")).isEmpty();
        assertThat(ring.verificationKey(null)).isEmpty();
    }

    @Test
    void keysShorterThan256BitsMalformedEntriesAndDuplicateIdsAreRefused() {
        assertThatThrownBy(() -> JwtKeyRing.parse("k:" + key(31))).hasMessageContaining("at least 256");
        assertThatThrownBy(() -> JwtKeyRing.parse(key(32))).hasMessageContaining("kid:base64key");
        assertThatThrownBy(() -> JwtKeyRing.parse("k:" + key(32) + ",k:" + key(32))).hasMessageContaining("twice");
        assertThatThrownBy(() -> JwtKeyRing.parse("k:%%%")).hasMessageContaining("base64");
    }

    @Test
    void theDevelopmentKeyIsGeneratedOnceOwnerOnlyAndReadBackUnchanged() throws Exception {
        Path file = dir.resolve("security/jwt-dev-key");

        JwtKeyRing first = JwtKeyRing.developmentKey(file);
        JwtKeyRing second = JwtKeyRing.developmentKey(file);

        assertThat(first.signingKid()).startsWith("dev-").isEqualTo(second.signingKid());
        assertThat(first.signingKey().getEncoded()).hasSize(32).isEqualTo(second.signingKey().getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
