package io.trendline.saga.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.Optional;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's {@link DbSchedulerDeadlineManager} on the platform's PostgreSQL. Chosen over Quartz (eleven tables, job data
 * as Java-serialized blobs, its own thread and locking model) and JobRunr (its own storage schema and background
 * server, and a JSON mapper of its own): db-scheduler needs one table, which Flyway creates, joins the Spring
 * transaction of the saga that schedules (so a deadline is stored exactly when the saga state is), and survives a
 * kill because a picked execution whose heartbeat stops is picked again. Task data is written as JSON with
 * db-scheduler's Jackson serializer and Axon's human-readable details, so a deadline row can be read by an operator
 * (deadline name, saga scope and payload as JSON text) instead of a Java-serialized blob. Axon's auto-configuration
 * would register the binary form; these beans replace it.
 */
@Configuration
class DeadlineConfiguration {

    @Bean
    DbSchedulerCustomizer jsonTaskData() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new JacksonSerializer());
            }
        };
    }

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerHumanReadableDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.humanReadableTask(
                () -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                               @Qualifier("eventSerializer")
                                               org.axonframework.serialization.Serializer serializer,
                                               TransactionManager transactionManager,
                                               DeadlineManagerSpanFactory spanFactory) {
        return new TolerantDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .useBinaryPojo(false)
                // db-scheduler's Spring Boot starter starts and stops the scheduler with the context.
                .startScheduler(false)
                .stopScheduler(false), scheduler);
    }
}
