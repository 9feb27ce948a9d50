package io.trendline.web.account;

import io.trendline.web.security.Role;
import io.trendline.web.security.SecurityProperties;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the administrator named by {@code TRENDLINE_ADMIN_EMAIL} and {@code TRENDLINE_ADMIN_PASSWORD} at start,
 * or gives an existing account of that email the ADMIN role; its password must pass the same policy. Without both
 * variables there is no administrator until one is made this way.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final SecurityProperties properties;
    private final Accounts accounts;
    private final AccountService service;

    BootstrapAdmin(SecurityProperties properties, Accounts accounts, AccountService service) {
        this.properties = properties;
        this.accounts = accounts;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityProperties.Admin admin = properties.admin();
        if (!admin.configured()) {
            return;
        }
        accounts.byEmail(admin.email()).ifPresentOrElse(existing -> {
            if (!existing.has(Role.ADMIN)) {
                EnumSet<Role> roles = EnumSet.of(Role.ADMIN);
                roles.addAll(existing.roles());
                service.grant(existing.userId(), roles);
                log.info("existing account {} made ADMIN (TRENDLINE_ADMIN_EMAIL)", existing.userId());
            }
        }, () -> {
            Account created = service.register(admin.email(), admin.password(), EnumSet.of(Role.ADMIN));
            log.info("administrator {} created from TRENDLINE_ADMIN_EMAIL", created.userId());
        });
    }
}
