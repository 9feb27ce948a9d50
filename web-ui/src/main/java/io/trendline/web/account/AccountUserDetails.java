package io.trendline.web.account;

import java.time.Clock;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Accounts as Spring Security sees them at login, so {@link
 * org.springframework.security.authentication.dao.DaoAuthenticationProvider} checks the password (hashing a dummy
 * for unknown emails, so their answer takes as long) and re-hashes a password stored with an older BCrypt cost.
 */
class AccountUserDetails implements UserDetailsService, UserDetailsPasswordService {

    private final Accounts accounts;
    private final Clock clock;

    AccountUserDetails(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = accounts.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(account.email()).password(account.passwordHash()).disabled(!account.enabled())
                .authorities(account.roles().stream().map(r -> r.authority()).toArray(String[]::new)).build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        accounts.byEmail(user.getUsername()).ifPresent(account ->
                accounts.updatePasswordHash(account.userId(), newPassword, clock.instant()));
        return User.withUserDetails(user).password(newPassword).build();
    }
}
