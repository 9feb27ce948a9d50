package io.trendline.web.market.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import io.trendline.api.market.MarketTopics;
import io.trendline.api.market.PriceAlert;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Pushes candles (the one in progress and each closed one) to {@code /topic/candles.<SYMBOL>} and price alerts to
 * {@code /topic/alerts.<SYMBOL>}: a client asks for a symbol's alerts by subscribing there. Records that are not
 * what their topic promises are dropped (the sink dead-letters bad candles). A closed candle that was already
 * history when the collector published it (a backfill; see {@link MarketTopics#wasHistoryWhenPublished}) is not
 * pushed: a live chart has newer bars, and a backfill of months would
 * otherwise be pushed minute by minute.
 */
@Component
@ConditionalOnProperty(name = "trendline.market.live.enabled", matchIfMissing = true)
class LiveMarketForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMarketForwarder.class);
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final SimpMessagingTemplate stomp;

    LiveMarketForwarder(SimpMessagingTemplate stomp) {
        this.stomp = stomp;
    }

    @KafkaListener(id = "live-market", containerFactory = LiveMarketConfiguration.FACTORY,
            topics = {MarketTopics.KLINE_LIVE, MarketTopics.KLINE_1M, MarketTopics.ALERTS})
    void onBatch(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            try {
                if (MarketTopics.ALERTS.equals(record.topic())) {
                    PriceAlert alert = JSON.readValue(record.value(), PriceAlert.class);
                    send("/topic/alerts.", alert.symbol(), alert);
                } else {
                    Kline candle = JSON.readValue(record.value(), Kline.class);
                    if (!historyWhenPublished(record, candle)) {
                        send("/topic/candles.", candle.symbol(), candle);
                    }
                }
            } catch (Exception e) {
                LOG.debug("Not forwarded from {}: {}", record.topic(), e.getMessage());
            }
        }
    }

    private static boolean historyWhenPublished(ConsumerRecord<String, String> record, Kline candle) {
        Header stamp = record.headers().lastHeader(MarketTopics.SOURCE_TIME_HEADER);
        return candle.closed() && MarketTopics.wasHistoryWhenPublished(stamp == null ? null : stamp.value(),
                candle.closeTime());
    }

    private void send(String prefix, String symbol, Object payload) {
        if (symbol != null && SYMBOL.matcher(symbol).matches()) {
            stomp.convertAndSend(prefix + symbol, payload);
        }
    }
}
