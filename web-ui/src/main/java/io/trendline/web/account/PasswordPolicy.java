package io.trendline.web.account;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.trendline.web.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters, at most 72 bytes (BCrypt ignores the rest), and a zxcvbn score of at least 3 ("safely
 * unguessable", about 10^8 guesses) with the email's parts counted as known words, so "alice.smith2024!" fails for
 * alice.smith@…. zxcvbn (zxcvbn4j) judges patterns, dictionaries and l33t instead of character-class rules.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw weak("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw weak("the password must have at most " + MAX_BYTES + " bytes in UTF-8");
        }
        Strength strength = zxcvbn.measure(password, userInputs(email));
        if (strength.getScore() < MIN_SCORE) {
            Feedback feedback = strength.getFeedback();
            List<String> advice = new ArrayList<>();
            String warning = feedback.getWarning(Locale.ENGLISH);
            if (warning != null && !warning.isBlank()) {
                advice.add(warning);
            }
            advice.addAll(feedback.getSuggestions(Locale.ENGLISH));
            throw weak("the password is too easy to guess (strength " + strength.getScore() + " of 4, at least "
                    + MIN_SCORE + " needed)" + (advice.isEmpty() ? "" : ": " + String.join(" ", advice)));
        }
    }

    private static List<String> userInputs(String email) {
        List<String> inputs = new ArrayList<>();
        if (email != null) {
            inputs.add(email);
            for (String part : email.split("[@._+-]")) {
                if (part.length() >= 3) {
                    inputs.add(part);
                }
            }
        }
        return inputs;
    }

    private static ProblemException weak(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "weak-password", detail);
    }
}
