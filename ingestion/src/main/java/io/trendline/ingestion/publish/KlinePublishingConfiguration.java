package io.trendline.ingestion.publish;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The candle publisher on the application's Kafka (Spring Boot's {@code spring.kafka.*} settings). */
@Configuration(proxyBeanMethods = false)
public class KlinePublishingConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public KlinePublisher klinePublisher(KafkaProperties kafka) {
        return KlinePublisher.create(kafka.buildProducerProperties(null), KlineTopics.DEFAULT);
    }
}
