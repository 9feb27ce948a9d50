package io.trendline.web.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.web.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account administration, for ADMIN only (see the request rules in SecurityConfiguration). */
@RestController
@Validated
@RequestMapping("/api/admin/users")
@Tag(name = "admin", description = "Accounts and roles (ADMIN)")
class AdminController {

    private final Accounts accounts;
    private final AccountService service;

    AdminController(Accounts accounts, AccountService service) {
        this.accounts = accounts;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Every account, oldest first")
    AuthRequests.AccountPage list(@RequestParam(defaultValue = "0") @Min(0) int offset,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new AuthRequests.AccountPage(accounts.page(offset, limit).stream().map(AdminController::view)
                .toList(), accounts.count());
    }

    @PutMapping("/{userId}/roles")
    @Operation(summary = "Replace a user's roles; they apply from the user's next token (at most one access "
            + "token lifetime later)")
    AuthRequests.AccountView setRoles(@PathVariable String userId, @Valid @RequestBody AuthRequests.Roles body) {
        return view(service.grant(userId, body.roles()));
    }

    private static AuthRequests.AccountView view(Account account) {
        return new AuthRequests.AccountView(account.userId(), account.email(), Role.names(account.roles()),
                account.enabled(), account.createdAt());
    }
}
