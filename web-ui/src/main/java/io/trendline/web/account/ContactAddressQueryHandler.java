package io.trendline.web.account;

import io.trendline.api.account.FindContactAddressQuery;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers other modules (the receipt mailer) with a user's e-mail address, the only account detail they may see. */
@Component
class ContactAddressQueryHandler {

    private final Accounts accounts;

    ContactAddressQueryHandler(Accounts accounts) {
        this.accounts = accounts;
    }

    @QueryHandler
    Optional<String> handle(FindContactAddressQuery query) {
        return accounts.byId(query.userId()).map(Account::email);
    }
}
