package io.trendline.saga.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.api.account.FindContactAddressQuery;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;

/** The default recipients ask the accounts through a real Axon query bus, as the mailer does in the platform. */
class ReceiptRecipientsTest {

    private static final ReceiptSettings SETTINGS = new ReceiptSettings("receipts@example.org", "users.example.org");

    /** Stands in for the edge's handler, which reads the account table. */
    static class Accounts {

        private final Map<String, String> emails = Map.of("u-1", "alice@example.com");

        @QueryHandler
        Optional<String> handle(FindContactAddressQuery query) {
            return Optional.ofNullable(emails.get(query.userId()));
        }
    }

    private static ReceiptRecipients recipients(boolean accountsAnswer) {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        if (accountsAnswer) {
            new AnnotationQueryHandlerAdapter<>(new Accounts()).subscribe(bus);
        }
        QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();
        return new ReceiptConfiguration().receiptRecipients(gateway, SETTINGS);
    }

    @Test
    void aRegisteredUsersReceiptGoesToTheAccountsEmail() {
        // given
        ReceiptRecipients recipients = recipients(true);

        // when
        String address = recipients.addressOf("u-1");

        // then
        assertThat(address).isEqualTo("alice@example.com");
    }

    @Test
    void aUserTheAccountsDoNotKnowIsWrittenToAtTheConfiguredDomain() {
        // given
        ReceiptRecipients recipients = recipients(true);

        // when
        String address = recipients.addressOf("system-made");

        // then
        assertThat(address).isEqualTo("system-made@users.example.org");
    }

    @Test
    void withoutAnAnswerFromTheAccountsNoAddressIsMadeUpAndTheMailFailsToBeRetried() {
        // given
        ReceiptRecipients recipients = recipients(false);

        // when / then
        assertThatThrownBy(() -> recipients.addressOf("u-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("u-1");
    }
}
