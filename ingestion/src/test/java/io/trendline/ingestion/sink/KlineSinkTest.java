package io.trendline.ingestion.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import io.trendline.api.market.MarketTopics;
import io.trendline.ingestion.IngestionApplication;
import io.trendline.ingestion.Klines;
import io.trendline.ingestion.TestStack;
import io.trendline.platform.clickhouse.ClickHouse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = IngestionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class KlineSinkTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
    }

    @Autowired
    ClickHouse clickHouse;

    @Autowired
    ObjectMapper json;

    private static String uniqueSymbol() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private void produce(List<ProducerRecord<String, String>> records) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                TestStack.get().kafkaBootstrapServers(), "acks", "all"), new StringSerializer(),
                new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get();
            }
        }
    }

    private ProducerRecord<String, String> record(Kline kline) throws Exception {
        return new ProducerRecord<>(MarketTopics.KLINE_1M, kline.symbol(), json.writeValueAsString(kline));
    }

    /** The sink has committed everything produced so far: its consumer group has no lag. */
    private void awaitSinkCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestStack.get().kafkaBootstrapServers()))) {
                var committed = admin.listConsumerGroupOffsets("kline-sink").partitionsToOffsetAndMetadata().get();
                var partitions = admin.describeTopics(List.of(MarketTopics.KLINE_1M)).allTopicNames().get()
                        .get(MarketTopics.KLINE_1M).partitions();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                partitions.forEach(p -> latest.put(new TopicPartition(MarketTopics.KLINE_1M, p.partition()),
                        OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || committed.containsKey(e.getKey())
                        && committed.get(e.getKey()).offset() == e.getValue().offset());
            }
        });
    }

    private long count(String sql, Object... args) {
        return clickHouse.jdbc().queryForObject(sql, Long.class, args);
    }

    @Test
    void replayingTheSameCandlesStoresEachMinuteOnce() throws Exception {
        // given
        String symbol = uniqueSymbol();
        List<ProducerRecord<String, String>> minutes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            minutes.add(record(Klines.minute(symbol, i)));
        }
        produce(minutes);
        awaitSinkCaughtUp();

        // when
        produce(minutes);
        awaitSinkCaughtUp();

        // then
        assertThat(count("SELECT count() FROM klines_1m FINAL WHERE symbol = ?", symbol)).isEqualTo(1_000);
        assertThat(count("SELECT uniqExact(open_time) FROM klines_1m WHERE symbol = ?", symbol)).isEqualTo(1_000);
        BigDecimal expectedVolume = IntStream.range(0, 1_000).mapToObj(i -> Klines.minute(symbol, i).volume())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(clickHouse.jdbc().queryForObject("SELECT sum(volume) FROM klines_1m FINAL WHERE symbol = ?",
                BigDecimal.class, symbol)).isEqualByComparingTo(expectedVolume);
        Kline k = Klines.minute(symbol, 321);
        var stored = clickHouse.jdbc().queryForMap("SELECT open, high, low, close, quote_volume, trades, "
                + "completeness FROM klines_1m FINAL WHERE symbol = ? AND open_time = fromUnixTimestamp64Milli(?)",
                symbol, k.openTime());
        assertThat((BigDecimal) stored.get("open")).isEqualByComparingTo(k.open());
        assertThat((BigDecimal) stored.get("high")).isEqualByComparingTo(k.high());
        assertThat((BigDecimal) stored.get("low")).isEqualByComparingTo(k.low());
        assertThat((BigDecimal) stored.get("close")).isEqualByComparingTo(k.close());
        assertThat((BigDecimal) stored.get("quote_volume")).isEqualByComparingTo(k.quoteVolume());
        assertThat(((Number) stored.get("trades")).longValue()).isEqualTo(k.trades());
        assertThat(((Number) stored.get("completeness")).intValue()).isEqualTo(2);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheRestIsStored() throws Exception {
        // given
        String symbol = uniqueSymbol();
        Kline valid = Klines.minute(symbol, 0);
        Kline inverted = new Kline(symbol, "1m", valid.openTime() + 60_000, valid.closeTime() + 60_000,
                valid.open(), valid.low(), valid.high(), valid.close(), valid.volume(), null, 0, null, null, true);

        // when
        produce(List.of(record(valid),
                new ProducerRecord<>(MarketTopics.KLINE_1M, symbol, "{\"symbol\": \"" + symbol + "\", oops"),
                record(inverted),
                record(Klines.minute(symbol, 2))));
        awaitSinkCaughtUp();

        // then
        assertThat(count("SELECT count() FROM klines_1m FINAL WHERE symbol = ?", symbol)).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> dead = deadLetters(symbol, 2);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).startsWith("{\"symbol\": \"" + symbol);
        assertThat(header(dead.get(0), KlineSinkConfiguration.REASON_HEADER)).contains("not JSON");
        assertThat(header(dead.get(1), KlineSinkConfiguration.REASON_HEADER)).contains("prices out of order");
        assertThat(header(dead.get(1), "kafka_dlt-original-topic")).isEqualTo(MarketTopics.KLINE_1M);
    }

    @Test
    void theCompleteCopyOfAMinuteWinsOverAnOhlcvOnlyCopyWhicheverArrivesLast() throws Exception {
        // given
        String symbol = uniqueSymbol();
        Kline complete = Klines.minute(symbol, 5);
        Kline ohlcvOnly = new Kline(symbol, "1m", complete.openTime(), complete.closeTime(), complete.open(),
                complete.high(), complete.low(), complete.close(), complete.volume(), null, 0, null, null, true);

        // when
        produce(List.of(record(complete)));
        awaitSinkCaughtUp();
        produce(List.of(record(ohlcvOnly)));
        awaitSinkCaughtUp();

        // then
        assertThat(count("SELECT count() FROM klines_1m FINAL WHERE symbol = ?", symbol)).isEqualTo(1);
        assertThat(count("SELECT trades FROM klines_1m FINAL WHERE symbol = ?", symbol)).isEqualTo(complete.trades());
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(MarketTopics.KLINE_DEAD_LETTER));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
