package io.trendline.command.strategy;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class StrategyConfiguration {

    /** Strategies collect an event per backtest request, so long-lived ones are rebuilt from a snapshot. */
    @Bean
    SnapshotTriggerDefinition strategySnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${trendline.snapshots.strategy:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
