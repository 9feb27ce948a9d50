package io.trendline.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.localstack.Ports;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    @TempDir
    static Path dir;

    private static LocalKafka kafka;

    @BeforeAll
    static void start() {
        kafka = LocalKafka.start(dir, 0, 0);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void idempotentProducerRecordsAreConsumedBackByKeyInOrder() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>("prices", "symbol-" + (i % 3), "tick-" + i)).get();
            }
        }
        List<ConsumerRecord<String, String>> records = consume("prices", 30);

        Map<String, List<String>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
        assertThat(byKey).containsOnlyKeys("symbol-0", "symbol-1", "symbol-2");
        assertThat(byKey.get("symbol-1")).containsExactly("tick-1", "tick-4", "tick-7", "tick-10", "tick-13",
                "tick-16", "tick-19", "tick-22", "tick-25", "tick-28");
        try (Admin admin = admin()) {
            assertThat(admin.describeTopics(Set.of("prices")).allTopicNames().get().get("prices").partitions())
                    .hasSize(LocalKafka.DEFAULT_PARTITIONS);
        }
    }

    @Test
    void topicsAndRecordsSurviveARestartOnTheSameDirectory() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("durable", 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("durable", "key", "kept")).get();
        }
        String clusterId = kafka.clusterId();

        kafka.close();
        kafka = LocalKafka.start(dir, 0, 0);

        assertThat(kafka.clusterId()).isEqualTo(clusterId);
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).contains("durable");
        }
        assertThat(consume("durable", 1)).extracting(ConsumerRecord::value).containsExactly("kept");
    }

    @Test
    void takenPortIsReportedWithThePortAndTheSettingThatChangesIt(@TempDir Path other) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalKafka.start(other, taken.getLocalPort(), 0))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("trendline.kafka.port");
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic + "-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
