package io.trendline.saga.deadline;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.trendline.saga.payment.PaymentHandler;
import io.trendline.saga.receipt.ReceiptMailer;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retry path of the side-effect groups' dead-letter queues: a recurring db-scheduler task (one run at a time
 * across instances) that hands every dead-lettered sequence back to its handler. A refund the processor refused or
 * a receipt the mail server bounced is tried again until it goes through, in the order it was enqueued. Axon is
 * looked up when the task runs: the scheduler, and so its tasks, are built before Axon's configuration.
 */
@Configuration
class DeadLetterRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);
    private static final List<String> GROUPS = List.of(PaymentHandler.PROCESSING_GROUP, ReceiptMailer.PROCESSING_GROUP);

    @Bean
    Task<Void> deadLetterRetryTask(ObjectProvider<EventProcessingConfiguration> axon,
                                   @Value("${trendline.dead-letters.retry-every:30s}") Duration every) {
        return Tasks.recurring("dead-letter-retry", FixedDelay.of(every)).execute((instance, context) ->
                GROUPS.forEach(group -> axon.getObject().sequencedDeadLetterProcessor(group).ifPresent(processor -> {
                    int retried = 0;
                    while (processor.processAny()) {
                        retried++;
                    }
                    if (retried > 0) {
                        log.info("{} dead-lettered sequence(s) of {} processed again", retried, group);
                    }
                })));
    }
}
