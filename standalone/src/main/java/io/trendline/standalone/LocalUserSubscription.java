package io.trendline.standalone;

import io.trendline.api.common.AuditMetaData;
import io.trendline.api.subscription.StartSubscriptionCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Until accounts land, every request of the standalone mode acts for the one local user ({@code CurrentUser}), and
 * registration is what starts a user's subscription; this starts the local user's, once, so premium can be bought
 * on a fresh installation. Remove it with the stub user.
 */
@Component
@ConditionalOnProperty(name = "trendline.local-user.subscription", havingValue = "true", matchIfMissing = true)
class LocalUserSubscription implements ApplicationRunner {

    static final String LOCAL_USER = "local-user";
    private static final Logger log = LoggerFactory.getLogger(LocalUserSubscription.class);

    private final CommandGateway commands;
    private final EventStore events;

    LocalUserSubscription(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        String id = StartSubscriptionCommand.subscriptionIdOf(LOCAL_USER);
        if (events.lastSequenceNumberFor(id).isPresent()) {
            return;
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(StartSubscriptionCommand.forUser(LOCAL_USER))
                .andMetaData(MetaData.with(AuditMetaData.USER_ID, AuditMetaData.SYSTEM_USER)));
        log.info("started the subscription of {} (standalone mode without accounts)", LOCAL_USER);
    }
}
