package io.trendline.ingestion.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;

/** The alert watcher's own consumer (group {@code price-alerts}) and idempotent producer. */
@Configuration(proxyBeanMethods = false)
@EnableKafka
@EnableConfigurationProperties(PriceAlertConfiguration.AlertProperties.class)
@ConditionalOnProperty(name = "trendline.market.alerts.enabled", matchIfMissing = true)
class PriceAlertConfiguration {

    static final String FACTORY = "priceAlertContainerFactory";

    /**
     * {@code trendline.market.alerts.*}.
     *
     * @param thresholdPercent the move that raises an alert, in % (default 5)
     * @param window           how far back the move is measured (default 1 h)
     */
    @ConfigurationProperties("trendline.market.alerts")
    record AlertProperties(BigDecimal thresholdPercent, Duration window, String groupId) {

        AlertProperties {
            thresholdPercent = thresholdPercent == null ? BigDecimal.valueOf(5) : thresholdPercent;
            window = window == null ? Duration.ofHours(1) : window;
            groupId = groupId == null ? "price-alerts" : groupId;
        }
    }

    @Bean
    PriceMoveDetector priceMoveDetector(AlertProperties properties) {
        return new PriceMoveDetector(properties.thresholdPercent(), properties.window());
    }

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> priceAlertContainerFactory(
            KafkaProperties kafka, ObjectProvider<SslBundles> ssl, AlertProperties alerts) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties(ssl.getIfAvailable()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, alerts.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props));
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    @Bean
    KafkaTemplate<String, String> priceAlertTemplate(KafkaProperties kafka, ObjectProvider<SslBundles> ssl) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties(ssl.getIfAvailable()));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
    }
}
