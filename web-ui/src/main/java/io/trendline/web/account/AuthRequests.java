package io.trendline.web.account;

import io.swagger.v3.oas.annotations.media.Schema;
import io.trendline.web.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The bodies of the account endpoints. */
final class AuthRequests {

    private AuthRequests() {
    }

    record Register(@NotBlank @Email @Size(max = 254) String email,
                    @NotNull @Schema(description = "at least 12 characters, not easy to guess") String password) {
    }

    record Login(@NotBlank String email, @NotNull String password) {
    }

    /** The refresh token; may be left out when the {@code trendline_refresh} cookie carries it. */
    record Refresh(String refreshToken) {
    }

    record Tokens(String accessToken, String tokenType, long expiresIn, Instant accessTokenExpiresAt,
                  String refreshToken, Instant refreshTokenExpiresAt, String userId, String email,
                  List<String> roles) {
    }

    record User(String userId, String email, List<String> roles) {
    }

    record AccountView(String userId, String email, List<String> roles, boolean enabled, Instant createdAt) {
    }

    record AccountPage(List<AccountView> users, long total) {
    }

    record Roles(@NotNull Set<Role> roles) {
    }
}
