package io.trendline.web.transaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.api.transaction.FindTransactionsQuery;
import io.trendline.api.transaction.TransactionList;
import io.trendline.web.security.CurrentUser;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "transactions", description = "The user's payments")
class TransactionController {

    private final QueryGateway queries;
    private final CurrentUser currentUser;

    TransactionController(QueryGateway queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/transactions")
    @Operation(summary = "The user's payment transactions, newest first")
    TransactionList transactions() {
        return queries.query(new FindTransactionsQuery(currentUser.id()), TransactionList.class).join();
    }
}
