package io.trendline.web.command;

import io.trendline.api.common.AuditMetaData;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends commands on behalf of a user with the audit metadata every event inherits: who, when, and a fresh
 * correlation id that ties together everything the command sets off.
 */
@Component
public class AuditedCommands {

    private final CommandGateway gateway;
    private final Clock clock;

    public AuditedCommands(CommandGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    public <R> R send(String userId, Object command) {
        MetaData metaData = MetaData.with(AuditMetaData.USER_ID, userId)
                .and(AuditMetaData.ISSUED_AT, clock.instant().toString())
                .and(AuditMetaData.CORRELATION_ID, UUID.randomUUID().toString());
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
