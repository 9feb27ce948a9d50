package io.trendline.web.security;

import org.springframework.stereotype.Component;

/**
 * The user a request acts for. Until accounts and JWTs land, every request acts for one local user; this class is
 * the single place that changes when they do.
 */
@Component
public class CurrentUser {

    static final String LOCAL_USER = "local-user";

    public String id() {
        return LOCAL_USER;
    }
}
