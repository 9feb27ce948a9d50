package io.trendline.web.account;

import io.trendline.web.command.AuditedCommands;
import io.trendline.web.security.SecurityProperties;
import io.trendline.web.security.token.TokenService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** Also keeps Spring Boot from creating its default in-memory user. */
    @Bean
    AccountUserDetails accountUserDetails(Accounts accounts, Clock clock) {
        return new AccountUserDetails(accounts, clock);
    }

    @Bean
    RefreshTokens refreshTokens(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                SecurityProperties properties, Clock clock) {
        return new RefreshTokens(jdbc, transactionManager, properties.jwt().refreshTtl(), clock);
    }

    @Bean
    AccountService accountService(Accounts accounts, PasswordPolicy policy, PasswordEncoder passwords,
                                  AccountUserDetails userDetails, TokenService tokens, RefreshTokens refreshTokens,
                                  AuditedCommands commands, PlatformTransactionManager transactionManager,
                                  Clock clock) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(passwords);
        provider.setUserDetailsPasswordService(userDetails);
        return new AccountService(accounts, policy, passwords, new ProviderManager(provider), tokens, refreshTokens,
                commands, new TransactionTemplate(transactionManager), clock);
    }
}
