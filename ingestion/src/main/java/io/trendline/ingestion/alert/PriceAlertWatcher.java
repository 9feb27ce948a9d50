package io.trendline.ingestion.alert;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import io.trendline.api.market.MarketTopics;
import io.trendline.api.market.PriceAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the closed candles (not those a backfill brings: {@link MarketTopics#wasHistoryWhenPublished}), feeds them
 * to the {@link PriceMoveDetector} and publishes its alerts to {@link MarketTopics#ALERTS}; the batch's offsets are committed once Kafka acknowledged its alerts. Records that are
 * no candle are skipped here: the sink already sends them to the dead letters.
 */
@Component
@ConditionalOnProperty(name = "trendline.market.alerts.enabled", matchIfMissing = true)
class PriceAlertWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PriceAlertWatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PriceMoveDetector detector;
    private final KafkaTemplate<String, String> alerts;

    PriceAlertWatcher(PriceMoveDetector detector,
                      @Qualifier("priceAlertTemplate") KafkaTemplate<String, String> alerts) {
        this.detector = detector;
        this.alerts = alerts;
    }

    @KafkaListener(id = "price-alerts", topics = MarketTopics.KLINE_1M,
            containerFactory = PriceAlertConfiguration.FACTORY)
    void onBatch(List<ConsumerRecord<String, String>> records) throws Exception {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<Kline> candle = read(record.value());
            if (candle.isEmpty() || !candle.get().closed() || historyWhenPublished(record, candle.get())) {
                continue;
            }
            Optional<PriceAlert> alert = detector.onClosed(candle.get());
            if (alert.isPresent()) {
                PriceAlert a = alert.get();
                LOG.info("Price alert: {} moved {} % to {} within {} min", a.symbol(), a.changePercent(), a.price(),
                        a.windowMinutes());
                sent.add(alerts.send(MarketTopics.ALERTS, a.symbol(), JSON.writeValueAsString(a)));
            }
        }
        for (CompletableFuture<?> future : sent) {
            future.get(30, TimeUnit.SECONDS);
        }
    }

    /** A backfill's candles are history: a move among them is no news to alert anyone about. */
    private static boolean historyWhenPublished(ConsumerRecord<String, String> record, Kline candle) {
        Header stamp = record.headers().lastHeader(MarketTopics.SOURCE_TIME_HEADER);
        return MarketTopics.wasHistoryWhenPublished(stamp == null ? null : stamp.value(), candle.closeTime());
    }

    private static Optional<Kline> read(String json) {
        try {
            Kline k = json == null ? null : JSON.readValue(json, Kline.class);
            return k == null || k.symbol() == null || k.close() == null ? Optional.empty() : Optional.of(k);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
