package io.trendline.command.subscription;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SubscriptionConfiguration {

    /**
     * A subscription lives as long as its user and gains events with every renewal. The {@link Snapshotter} is the
     * one Axon's Spring Boot auto-configuration provides.
     */
    @Bean
    SnapshotTriggerDefinition subscriptionSnapshotTrigger(
            Snapshotter snapshotter, @Value("${trendline.snapshots.subscription:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
