package io.trendline.web.security;

import io.trendline.web.security.token.InvalidTokenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 with a bearer challenge (RFC 6750: {@code error="invalid_token"} when a token was sent but failed) and a
 * problem body.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "trendline";
    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InvalidTokenException) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM
                    + "\", error=\"invalid_token\", error_description=\"" + e.getMessage() + "\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token", e.getMessage());
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "this needs an access token: send Authorization: Bearer <token> from POST /api/auth/login");
        }
    }
}
