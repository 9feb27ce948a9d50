package io.trendline.web.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.web.security.CurrentUser;
import io.trendline.web.security.Role;
import io.trendline.web.security.token.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Register, log in, refresh, log out. Login and refresh answer with the tokens in the body (for API clients) and
 * set the refresh token as an HttpOnly, SameSite=Strict cookie limited to {@code /api/auth} (for the browser app,
 * whose scripts then never see it: an injected script cannot steal a long-lived credential).
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "accounts", description = "Registration, login and tokens")
class AuthController {

    static final String REFRESH_COOKIE = "trendline_refresh";
    private static final String COOKIE_PATH = "/api/auth";

    private final AccountService accounts;
    private final CurrentUser currentUser;

    AuthController(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @PostMapping("/register")
    @Operation(summary = "Create an account (role TRADER) and its free subscription")
    ResponseEntity<AuthRequests.User> register(@Valid @RequestBody AuthRequests.Register body) {
        Account account = accounts.register(body.email(), body.password(), EnumSet.of(Role.TRADER));
        return ResponseEntity.created(URI.create("/api/me"))
                .body(new AuthRequests.User(account.userId(), account.email(), Role.names(account.roles())));
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange email and password for an access token and a refresh token")
    ResponseEntity<AuthRequests.Tokens> login(@Valid @RequestBody AuthRequests.Login body,
                                              HttpServletRequest request) {
        return answer(accounts.login(body.email(), body.password()), request);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Use a refresh token up for a new access token and the next refresh token")
    ResponseEntity<AuthRequests.Tokens> refresh(@RequestBody(required = false) AuthRequests.Refresh body,
                                                @CookieValue(name = REFRESH_COOKIE, required = false) String cookie,
                                                HttpServletRequest request) {
        String presented = body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
        return answer(accounts.refresh(presented), request);
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke the session of the given refresh token, or with everywhere=true every session")
    ResponseEntity<Void> logout(@RequestBody(required = false) AuthRequests.Refresh body,
                                @CookieValue(name = REFRESH_COOKIE, required = false) String cookie,
                                @RequestParam(defaultValue = "false") boolean everywhere,
                                HttpServletRequest request) {
        String presented = body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
        accounts.logout(currentUser.id(), presented, everywhere);
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString()).build();
    }

    private static ResponseEntity<AuthRequests.Tokens> answer(AccountService.Session session,
                                                              HttpServletRequest request) {
        Account account = session.account();
        TokenService.Issued access = session.access();
        Instant now = Instant.now();
        AuthRequests.Tokens tokens = new AuthRequests.Tokens(access.token(), "Bearer",
                Math.max(0, Duration.between(now, access.expiresAt()).toSeconds()), access.expiresAt(),
                session.refresh().token(), session.refresh().expiresAt(), account.userId(), account.email(),
                Role.names(account.roles()));
        Duration cookieAge = Duration.between(now, session.refresh().expiresAt());
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.SET_COOKIE, cookie(session.refresh().token(), cookieAge, request).toString())
                .body(tokens);
    }

    private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(REFRESH_COOKIE, value).httpOnly(true).secure(request.isSecure())
                .sameSite("Strict").path(COOKIE_PATH).maxAge(maxAge).build();
    }
}
