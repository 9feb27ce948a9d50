package io.trendline.web.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aLongUnpredictablePassphrasePasses() {
        assertThatCode(() -> policy.check("correct-Staple-orbit-91-lantern", "alice@example.test"))
                .doesNotThrowAnyException();
    }

    @Test
    void fewerThanTwelveCharactersFailWhateverTheirVariety() {
        assertThatThrownBy(() -> policy.check("x7#Qp!2v", "alice@example.test"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("at least 12 characters");
    }

    @Test
    void longButGuessablePasswordsFailWithAdvice() {
        assertThatThrownBy(() -> policy.check("password1234", "alice@example.test"))
                .hasMessageContaining("too easy to guess");
        assertThatThrownBy(() -> policy.check("aaaaaaaaaaaaaaaa", "alice@example.test"))
                .hasMessageContaining("too easy to guess");
        assertThatThrownBy(() -> policy.check("qwertyuiopasdf", "alice@example.test"))
                .hasMessageContaining("too easy to guess");
    }

    @Test
    void thePartsOfTheEmailCountAsKnownWords() {
        assertThatCode(() -> policy.check("zorbulonqx2025", "someone@example.test")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("zorbulonqx2025", "zorbulonqx@example.test"))
                .hasMessageContaining("too easy to guess");
    }

    @Test
    void moreThanSeventyTwoBytesFailBecauseBcryptWouldIgnoreTheRest() {
        assertThatThrownBy(() -> policy.check("é".repeat(37), "alice@example.test"))
                .hasMessageContaining("at most 72 bytes");
    }
}
