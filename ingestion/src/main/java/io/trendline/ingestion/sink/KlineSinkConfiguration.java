package io.trendline.ingestion.sink;

import io.trendline.api.market.MarketTopics;
import org.apache.kafka.clients.admin.NewTopic;
import io.trendline.ingestion.store.KlineRow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The sink's own consumer and dead-letter producer, independent of any global {@code spring.kafka} (de)serializer
 * settings that other modules in the same JVM may use.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
@EnableConfigurationProperties(KlineSinkConfiguration.SinkProperties.class)
@ConditionalOnProperty(name = "trendline.market.sink.enabled", matchIfMissing = true)
class KlineSinkConfiguration {

    static final String FACTORY = "klineSinkContainerFactory";
    /** Header of a dead-letter record: why it could not be stored. */
    static final String REASON_HEADER = "trendline-reason";

    /**
     * Sink settings ({@code trendline.market.sink.*}).
     *
     * @param groupId        consumer group; its committed offsets are the sink's progress
     * @param maxPollRecords records per poll, hence rows per insert under load: 100,000 by default, since ClickHouse
     *                       wants large inserts (each makes a part to merge later); on the kafka-sink benchmark,
     *                       20,000 a poll made 55 parts and 1.5 s of merging, 100,000 18 parts and 0.9 s
     * @param concurrency    consumers; more than the topic's partitions is pointless
     * @param autoStartup    false to start the sink later by hand (benchmarks, maintenance)
     * @param topic          where the closed candles come from; another only for tests and maintenance
     */
    @ConfigurationProperties("trendline.market.sink")
    record SinkProperties(String groupId, Integer maxPollRecords, Integer concurrency, Boolean autoStartup,
                          String topic) {

        SinkProperties {
            autoStartup = autoStartup == null || autoStartup;
            groupId = groupId == null ? "kline-sink" : groupId;
            maxPollRecords = maxPollRecords == null ? 100_000 : maxPollRecords;
            concurrency = concurrency == null ? 1 : concurrency;
            topic = topic == null ? MarketTopics.KLINE_1M : topic;
        }
    }

    @Bean
    NewTopic klineDeadLetterTopic() {
        return TopicBuilder.name(MarketTopics.KLINE_DEAD_LETTER).partitions(1).build();
    }

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, KlineRow> klineSinkContainerFactory(
            KafkaProperties kafka, ObjectProvider<SslBundles> ssl, SinkProperties sink,
            DefaultErrorHandler klineSinkErrorHandler) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties(ssl.getIfAvailable()));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, sink.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, sink.maxPollRecords());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
        props.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1 << 20);
        // A fetch names every partition without buffered records; once one of them is drained, the broker holds the
        // whole fetch up to this long waiting for it, and the others' records wait too (one request in flight per
        // broker). At Kafka's 500 ms the sink waited 2.5 s of a 5.4 s catch-up (kafka-sink benchmark: 190 k rows/s);
        // at 50 ms, 0.35 s (300 k rows/s). An idle sink then asks 20 times a second, which costs next to nothing.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        props.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, KlineRowDeserializer.class);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, KlineRow>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props));
        factory.setBatchListener(true);
        factory.setConcurrency(sink.concurrency());
        factory.setAutoStartup(sink.autoStartup());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.getContainerProperties().setPollTimeout(500);
        factory.setCommonErrorHandler(klineSinkErrorHandler);
        return factory;
    }

    /**
     * A failed insert (ClickHouse down, say) retries the whole batch, backing off up to 30 s between attempts, for as
     * long as it takes: the records stay in Kafka and nothing goes to the dead letters for a fault of the store.
     */
    @Bean
    DefaultErrorHandler klineSinkErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }

    /** Publishes unreadable records as they arrived (original bytes) with the reason in the headers. */
    @Bean
    DeadLetterPublishingRecoverer klineDeadLetters(KafkaProperties kafka, ObjectProvider<SslBundles> ssl) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties(ssl.getIfAvailable()));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(MarketTopics.KLINE_DEAD_LETTER, -1));
        // Spring's exception headers describe the wrapper ("failed to deserialize"); this one says what was wrong.
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(new Header[] {new RecordHeader(
                REASON_HEADER, String.valueOf(exception.getMessage()).getBytes(StandardCharsets.UTF_8))}));
        recoverer.setFailIfSendResultIsError(true);
        recoverer.setWaitForSendResultTimeout(Duration.ofSeconds(30));
        return recoverer;
    }
}
