package io.trendline.web.account;

import io.trendline.web.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The account tables in PostgreSQL. Emails are compared lower-cased. */
@Repository
class Accounts {

    private static final String SELECT = """
            SELECT a.user_id, a.email, a.password_hash, a.enabled, a.created_at,
                   (SELECT string_agg(r.role, ',') FROM account_role r WHERE r.user_id = a.user_id) AS roles
            FROM account a""";

    private final JdbcTemplate jdbc;

    Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    Optional<Account> byEmail(String email) {
        return jdbc.query(SELECT + " WHERE lower(a.email) = ?", Accounts::toAccount, normalize(email)).stream()
                .findFirst();
    }

    Optional<Account> byId(String userId) {
        return jdbc.query(SELECT + " WHERE a.user_id = ?", Accounts::toAccount, userId).stream().findFirst();
    }

    List<Account> page(int offset, int limit) {
        return jdbc.query(SELECT + " ORDER BY a.created_at, a.user_id LIMIT ? OFFSET ?", Accounts::toAccount,
                limit, offset);
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        return count == null ? 0 : count;
    }

    /** Inserts the account; false when the email is taken (the unique index decides, so two racing calls can't). */
    boolean insert(Account account, Instant now) {
        int inserted = jdbc.update("""
                INSERT INTO account (user_id, email, password_hash, enabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                account.userId(), normalize(account.email()), account.passwordHash(), account.enabled(),
                Timestamp.from(now), Timestamp.from(now));
        if (inserted == 1) {
            setRoles(account.userId(), account.roles());
        }
        return inserted == 1;
    }

    void setRoles(String userId, Set<Role> roles) {
        jdbc.update("DELETE FROM account_role WHERE user_id = ?", userId);
        for (Role role : roles) {
            jdbc.update("INSERT INTO account_role (user_id, role) VALUES (?, ?)", userId, role.name());
        }
    }

    void updatePasswordHash(String userId, String passwordHash, Instant now) {
        jdbc.update("UPDATE account SET password_hash = ?, updated_at = ? WHERE user_id = ?", passwordHash,
                Timestamp.from(now), userId);
    }

    private static Account toAccount(ResultSet row, int index) throws SQLException {
        String roles = row.getString("roles");
        Set<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null) {
            Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(set::add);
        }
        return new Account(row.getString("user_id"), row.getString("email"), row.getString("password_hash"), set,
                row.getBoolean("enabled"), row.getTimestamp("created_at").toInstant());
    }
}
