package io.trendline.standalone.purchase;

import io.trendline.web.security.CurrentUser;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Lets a test act as many users while {@link CurrentUser} is a stub: the user comes from the {@code X-Test-User}
 * header. Test-only; once requests carry JWTs, {@link PlatformClient} sends a token instead and this goes.
 */
@TestConfiguration
class ActingUsers {

    static final String HEADER = "X-Test-User";

    @Bean
    @Primary
    CurrentUser actingUser() {
        return new CurrentUser() {
            @Override
            public String id() {
                var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
                String user = request.getHeader(HEADER);
                return user != null ? user : super.id();
            }
        };
    }
}
