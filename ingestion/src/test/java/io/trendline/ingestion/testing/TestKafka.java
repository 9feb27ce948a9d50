package io.trendline.ingestion.testing;

import io.trendline.localstack.kafka.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** One real Kafka broker (in-process KRaft) for every test class of the JVM, on free ports; topics per test. */
public final class TestKafka {

    private static LocalKafka kafka;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (kafka == null) {
            try {
                kafka = LocalKafka.start(Files.createTempDirectory("ingestion-test-kafka"), 0, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-kafka-shutdown"));
        }
        return kafka.bootstrapServers();
    }

    public static Map<String, Object> producerProperties() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    public static Map<String, Object> consumerProperties() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** A topic prefix no other test uses. */
    public static String uniquePrefix(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
