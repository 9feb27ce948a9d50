package io.trendline.platform.axon;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Axon settings every Trendline service shares; the JDBC stores themselves come from Axon's auto-configuration. */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
public class AxonPlatformConfiguration {

    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    @Bean
    public DeadLetterRetry deadLetterRetry(ObjectProvider<EventProcessingConfiguration> axon,
                                           @Value("${trendline.dead-letters.retry-every:30s}") Duration every) {
        return new DeadLetterRetry(axon, every);
    }

    /** Axon's generic saga schema reads the saga as a BLOB, which PostgreSQL stores as BYTEA. */
    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }
}
