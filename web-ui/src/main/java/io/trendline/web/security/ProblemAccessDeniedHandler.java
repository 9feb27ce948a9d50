package io.trendline.web.security;

import io.trendline.web.security.premium.PremiumRequired;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 403 with a problem body that says whether a role or the premium entitlement was missing. */
@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemWriter problems;
    private final CurrentUser currentUser;

    ProblemAccessDeniedHandler(ProblemWriter problems, CurrentUser currentUser) {
        this.problems = problems;
        this.currentUser = currentUser;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof PremiumRequired premium) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "premium-required", premium.detail());
            return;
        }
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "your roles "
                + Role.names(currentUser.user().roles()) + " do not allow " + request.getMethod() + " "
                + request.getRequestURI());
    }
}
