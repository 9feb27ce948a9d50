package io.trendline.web.security.token;

import org.springframework.security.core.AuthenticationException;

/**
 * An access token that does not verify. The message is safe to show the client: it says "expired" or "invalid",
 * never which check failed, so a forger learns nothing from it.
 */
public class InvalidTokenException extends AuthenticationException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
