package io.trendline.saga.expiry;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.trendline.api.common.AuditMetaData;
import io.trendline.api.common.Rejection;
import io.trendline.api.subscription.ExpireSubscriptionCommand;
import io.trendline.saga.expiry.SubscriptionExpiry.ExpiryDue;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ExpiryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExpiryConfiguration.class);

    /**
     * Sends the expiry as the system user. A refusal ({@code subscription.not-expired} after a renewal,
     * {@code subscription.not-premium} when already downgraded) means there is nothing to do; any other failure makes
     * db-scheduler retry the task later. The gateway is looked up when the task runs: the scheduler, and so its
     * tasks, are built before Axon.
     */
    @Bean
    Task<ExpiryDue> subscriptionExpiryTask(ObjectProvider<CommandGateway> gateway) {
        Clock clock = Clock.systemUTC();
        return Tasks.oneTime(SubscriptionExpiry.TASK).execute((instance, context) -> {
            ExpiryDue due = instance.getData();
            var command = GenericCommandMessage.asCommandMessage(
                    new ExpireSubscriptionCommand(due.subscriptionId(), clock.instant()))
                    .andMetaData(MetaData.with(AuditMetaData.USER_ID, AuditMetaData.SYSTEM_USER)
                            .and(AuditMetaData.ISSUED_AT, clock.instant().toString())
                            .and(AuditMetaData.CORRELATION_ID, UUID.randomUUID().toString()));
            try {
                gateway.getObject().sendAndWait(command);
                log.info("premium of {} valid until {} expired", due.subscriptionId(), due.validUntil());
            } catch (RuntimeException failure) {
                Rejection refusal = Rejection.of(failure).orElseThrow(() -> failure);
                log.info("expiry of {} for {} not needed: {}", due.subscriptionId(), due.validUntil(),
                        refusal.message());
            }
        });
    }
}
