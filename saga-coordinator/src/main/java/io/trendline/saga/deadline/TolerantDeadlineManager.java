package io.trendline.saga.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import javax.annotation.Nonnull;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that is firing at that very moment is not
 * an error. db-scheduler refuses to cancel a picked execution; Axon's manager lets that refusal fail the saga's unit
 * of work, so an event that races its own deadline would roll back and be retried until the deadline is done. The
 * firing deadline reaches the saga after this event anyway, and the saga's handler sees the state this event left.
 */
class TolerantDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(TolerantDeadlineManager.class);

    private final Scheduler scheduler;

    TolerantDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder);
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(@Nonnull String deadlineName, @Nonnull String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException alreadyGone) {
                log.debug("deadline {} ({}) already fired or cancelled", deadlineName, scheduleId);
            } catch (TaskInstanceCurrentlyExecutingException firing) {
                log.debug("deadline {} ({}) is firing; its handler will find it obsolete", deadlineName, scheduleId);
            }
        });
    }
}
