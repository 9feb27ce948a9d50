package io.trendline.ingestion.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.ingestion.publish.KlinePublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the resume point from the closed-candle topic itself: what the collector published there with
 * {@code acks=all} is exactly what it may take as done. The collector publishes each symbol's candles in order, so
 * the newest of its records for a symbol is the last candle; the store reads each partition backwards, a chunk at a
 * time, until it meets one. Records from other producers (a file import, say, which may write old history after
 * live data) are skipped by their {@code trendline-source} header, and so are records of the other mode (replayed
 * data never decides where live collection resumes, nor the reverse).
 *
 * <p>Cost: a few short reads per symbol at start-up. Limit: once the topic's retention has removed a symbol's
 * records, the answer is empty and the collector starts from its initial backfill window again; the ClickHouse
 * sink, being idempotent, absorbs the candles it then receives twice.
 */
public final class KafkaLastCandleStore implements LastCandleStore {

    private static final int CHUNK = 2000;

    private final Map<String, Object> consumerProperties;
    private final String topic;
    private final String source;
    private final long maxScanPerPartition;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param source              the {@code trendline-source} header value of the records to consider
     * @param maxScanPerPartition how far back to look for a symbol before giving up
     */
    public KafkaLastCandleStore(Map<String, Object> consumerProperties, String topic, String source,
                                long maxScanPerPartition) {
        Map<String, Object> props = new HashMap<>(consumerProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, CHUNK);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "trendline-last-candle-store");
        // Only what the producer's transactions committed, if it ever uses them.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerProperties = props;
        this.topic = topic;
        this.source = source;
        this.maxScanPerPartition = maxScanPerPartition;
    }

    @Override
    public OptionalLong lastClosedOpenTime(String symbol) {
        byte[] key = symbol.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15));
            if (partitions == null || partitions.isEmpty()) {
                return OptionalLong.empty();
            }
            long last = Long.MIN_VALUE;
            for (PartitionInfo p : partitions) {
                last = Math.max(last, lastIn(consumer, new TopicPartition(topic, p.partition()), key));
            }
            return last == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(last);
        }
    }

    private long lastIn(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, byte[] key) {
        consumer.assign(List.of(tp));
        long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
        long end = consumer.endOffsets(List.of(tp)).get(tp);
        long scanned = 0;
        for (long upTo = end; upTo > begin && scanned < maxScanPerPartition; upTo -= CHUNK) {
            long from = Math.max(begin, upTo - CHUNK);
            consumer.seek(tp, from);
            long found = Long.MIN_VALUE;
            for (ConsumerRecord<byte[], byte[]> r : read(consumer, tp, upTo)) {
                if (java.util.Arrays.equals(key, r.key()) && fromSource(r)) {
                    found = Math.max(found, openTime(r.value()));
                }
            }
            if (found != Long.MIN_VALUE) {
                return found;
            }
            scanned += upTo - from;
        }
        return Long.MIN_VALUE;
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer,
                                                             TopicPartition tp, long upTo) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (consumer.position(tp) < upTo) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot read " + tp + " up to offset " + upTo);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                if (r.offset() < upTo) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private boolean fromSource(ConsumerRecord<byte[], byte[]> r) {
        Header h = r.headers().lastHeader(KlinePublisher.SOURCE_HEADER);
        return h != null && source.equals(new String(h.value(), StandardCharsets.UTF_8));
    }

    private long openTime(byte[] value) {
        try {
            JsonNode node = mapper.readTree(value);
            JsonNode openTime = node == null ? null : node.get("openTime");
            return openTime != null && openTime.canConvertToLong() ? openTime.asLong() : Long.MIN_VALUE;
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
