package io.trendline.ingestion.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trendline.api.market.MarketTopics;
import io.trendline.ingestion.store.InvalidKlineException;
import io.trendline.ingestion.store.KlineColumns;
import io.trendline.ingestion.store.KlineRow;
import io.trendline.ingestion.store.KlineStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Each poll of closed candles becomes one insert; the container commits the offsets only when this returns, so a
 * crash replays the batch, which the table absorbs. Unreadable records go to the dead letters after the insert (a
 * failed insert retries the batch and would otherwise publish them twice).
 */
@Component
@ConditionalOnProperty(name = "trendline.market.sink.enabled", matchIfMissing = true)
class KlineSink {

    static final String LISTENER_ID = "kline-sink";
    private static final Logger LOG = LoggerFactory.getLogger(KlineSink.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(KlineSink.class);
    private static final ThreadLocal<KlineColumns> COLUMNS = ThreadLocal.withInitial(() -> new KlineColumns(1024));

    private final KlineStore store;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final Counter stored;
    private final Counter rejected;
    private final Timer inserts;

    KlineSink(KlineStore store, DeadLetterPublishingRecoverer klineDeadLetters, MeterRegistry meters) {
        this.store = store;
        this.deadLetters = klineDeadLetters;
        this.stored = meters.counter("trendline.market.sink.rows", "outcome", "stored");
        this.rejected = meters.counter("trendline.market.sink.rows", "outcome", "dead-letter");
        this.inserts = Timer.builder("trendline.market.sink.insert").description("One poll's candles written to "
                + "ClickHouse").register(meters);
    }

    @KafkaListener(id = LISTENER_ID, topics = "${trendline.market.sink.topic:" + MarketTopics.KLINE_1M + "}",
            containerFactory = KlineSinkConfiguration.FACTORY)
    void onBatch(List<ConsumerRecord<String, KlineRow>> records, Consumer<?, ?> consumer) {
        KlineColumns rows = COLUMNS.get();
        rows.clear();
        List<ConsumerRecord<String, KlineRow>> unreadable = null;
        for (ConsumerRecord<String, KlineRow> record : records) {
            if (record.value() != null) {
                rows.add(record.value());
            } else {
                unreadable = unreadable == null ? new ArrayList<>() : unreadable;
                unreadable.add(record);
            }
        }
        long started = System.nanoTime();
        try {
            store.insert(rows);
            inserts.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            LOG.warn("Could not store {} candles; the batch will be retried from Kafka after a back-off: {}",
                    rows.size(), e.getMessage());
            throw e;
        }
        stored.increment(rows.size());
        if (unreadable != null) {
            unreadable.forEach(record -> deadLetter(record, consumer));
        }
    }

    private void deadLetter(ConsumerRecord<String, KlineRow> record, Consumer<?, ?> consumer) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        Exception reason = failure == null ? new InvalidKlineException("empty record")
                : failure.getCause() instanceof Exception cause ? cause : failure;
        LOG.warn("Candle record {}-{}@{} (key {}) sent to {}: {}", record.topic(), record.partition(),
                record.offset(), record.key(), MarketTopics.KLINE_DEAD_LETTER, reason.getMessage());
        deadLetters.accept(record, consumer, reason);
        rejected.increment();
    }
}
