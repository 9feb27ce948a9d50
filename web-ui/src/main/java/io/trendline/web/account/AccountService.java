package io.trendline.web.account;

import io.trendline.api.subscription.StartSubscriptionCommand;
import io.trendline.web.command.AuditedCommands;
import io.trendline.web.problem.ProblemException;
import io.trendline.web.security.Role;
import io.trendline.web.security.token.TokenService;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, login, refresh and logout; the rules live here, the HTTP shape in {@link AuthController}. */
class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AuthenticationManager login;
    private final TokenService tokens;
    private final RefreshTokens refreshTokens;
    private final AuditedCommands commands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountService(Accounts accounts, PasswordPolicy policy, PasswordEncoder passwords, AuthenticationManager login,
                   TokenService tokens, RefreshTokens refreshTokens, AuditedCommands commands,
                   TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.login = login;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Tokens handed out by login and refresh. */
    record Session(Account account, TokenService.Issued access, RefreshTokens.Issued refresh) {
    }

    /**
     * Creates the account and starts its free subscription in one transaction: on the standalone JDBC event store
     * the subscription's first event commits with the account row or not at all.
     */
    Account register(String email, String password, Set<Role> roles) {
        String normalized = Accounts.normalize(email);
        policy.check(password, normalized);
        Account account = new Account(UUID.randomUUID().toString(), normalized, passwords.encode(password),
                roles, true, clock.instant());
        transactions.executeWithoutResult(status -> {
            if (!accounts.insert(account, clock.instant())) {
                throw new ProblemException(HttpStatus.CONFLICT, "email-taken", "an account with this email exists");
            }
            commands.send(account.userId(), StartSubscriptionCommand.forUser(account.userId()));
        });
        log.info("registered user {} with roles {}", account.userId(), Role.names(roles));
        return account;
    }

    Session login(String email, String password) {
        try {
            login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(Accounts.normalize(email),
                    password));
        } catch (AuthenticationException e) {
            throw unauthorized("invalid-credentials", "wrong email or password");
        }
        Account account = accounts.byEmail(email).orElseThrow(() -> unauthorized("invalid-credentials",
                "wrong email or password"));
        return new Session(account, access(account), refreshTokens.startFamily(account.userId()));
    }

    Session refresh(String presented) {
        if (presented == null || presented.isBlank()) {
            throw unauthorized("invalid-refresh-token", "no refresh token was sent");
        }
        RefreshTokens.Rotation rotation = refreshTokens.rotate(presented);
        if (rotation instanceof RefreshTokens.Rotation.Refused refused) {
            throw unauthorized("invalid-refresh-token", "the refresh token is " + refused.reason()
                    + "; log in again");
        }
        RefreshTokens.Rotation.Rotated rotated = (RefreshTokens.Rotation.Rotated) rotation;
        Account account = accounts.byId(rotated.userId()).filter(Account::enabled).orElse(null);
        if (account == null) {
            refreshTokens.revokeAll(rotated.userId());
            throw unauthorized("invalid-refresh-token", "the account is disabled; log in again");
        }
        return new Session(account, access(account), rotated.next());
    }

    /** Ends the session of {@code presented} (when given), or every session of the user. */
    void logout(String userId, String presented, boolean everywhere) {
        if (everywhere) {
            refreshTokens.revokeAll(userId);
        } else if (presented != null && !presented.isBlank() && !refreshTokens.revokeFamily(presented, userId)) {
            log.debug("logout of user {} named a refresh token that is not theirs or already revoked", userId);
        }
    }

    Account grant(String userId, Set<Role> roles) {
        if (accounts.byId(userId).isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "no user with id " + userId);
        }
        accounts.setRoles(userId, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        log.info("roles of user {} set to {}", userId, Role.names(roles));
        return accounts.byId(userId).orElseThrow();
    }

    private TokenService.Issued access(Account account) {
        return tokens.issue(account.userId(), account.email(), account.roles());
    }

    private static ProblemException unauthorized(String type, String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"trendline\"");
        return new ProblemException(HttpStatus.UNAUTHORIZED, type, detail, headers);
    }
}
