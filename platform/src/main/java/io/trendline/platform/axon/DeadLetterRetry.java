package io.trendline.platform.axon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * The retry path of every dead-letter queue: each {@code trendline.dead-letters.retry-every} (30 s) every processing
 * group with a queue (a projection whose store refused a write, a refund the processor refused, a receipt the mail
 * server bounced) is handed its dead-lettered sequences again, in the order they were enqueued, until they go
 * through. The queues are JDBC tables that claim an entry before retrying it, so several instances may retry at once.
 */
public class DeadLetterRetry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);

    private final ObjectProvider<EventProcessingConfiguration> axon;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    public DeadLetterRetry(ObjectProvider<EventProcessingConfiguration> axon, Duration every) {
        this.axon = axon;
        this.every = every;
    }

    /** Retries once every dead-lettered sequence of every group; answers how many went through. */
    public int retryAll() {
        EventProcessingConfiguration processing = axon.getObject();
        int retried = 0;
        for (String group : processing.eventProcessors().keySet()) {
            var processor = processing.sequencedDeadLetterProcessor(group);
            if (processor.isEmpty()) {
                continue;
            }
            int here = 0;
            while (processor.get().processAny()) {
                here++;
            }
            if (here > 0) {
                log.info("{} dead-lettered sequence(s) of {} processed again", here, group);
            }
            retried += here;
        }
        return retried;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dead-letter-retry");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                retryAll();
            } catch (RuntimeException e) {
                log.warn("Retrying dead letters failed; trying again in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        // scheduled once the application is ready, when every processor has started
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
