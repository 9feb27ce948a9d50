package io.trendline.saga.expiry;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.trendline.api.subscription.SubscriptionUpgradedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Schedules the expiry of every validity an upgrade buys, as a db-scheduler task in {@code scheduled_tasks} due at
 * {@code validUntil}. A task per validity rather than one per subscription: a renewal needs no cancellation, because
 * the task of the old validity finds the subscription extended and its command is refused. The instance id names
 * subscription and validity, so scheduling twice (a redelivery, a replay) keeps one task; replays are therefore
 * allowed and even repair a lost schedule.
 */
@Component
@ProcessingGroup(SubscriptionExpiry.PROCESSING_GROUP)
public class SubscriptionExpiry {

    public static final String PROCESSING_GROUP = "subscription-expiry";
    public static final TaskDescriptor<ExpiryDue> TASK = TaskDescriptor.of("subscription-expiry", ExpiryDue.class);

    private final SchedulerClient scheduler;

    SubscriptionExpiry(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    /** What the task carries: the subscription and the validity it was scheduled for. */
    public record ExpiryDue(String subscriptionId, Instant validUntil) {
    }

    public static String instanceId(String subscriptionId, Instant validUntil) {
        return subscriptionId + "@" + validUntil;
    }

    @EventHandler
    void on(SubscriptionUpgradedEvent event) {
        scheduler.scheduleIfNotExists(TASK.instance(instanceId(event.subscriptionId(), event.validUntil()))
                .data(new ExpiryDue(event.subscriptionId(), event.validUntil()))
                .scheduledTo(event.validUntil()));
    }
}
