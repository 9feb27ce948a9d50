package io.trendline.ingestion.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import io.trendline.api.market.MarketTopics;
import io.trendline.ingestion.testing.TestKafka;
import io.trendline.ingestion.testing.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

class KlinePublisherTest {

    private final KlineTopics topics = KlineTopics.prefixed(TestKafka.uniquePrefix("publisher"));
    private final KlinePublisher publisher = KlinePublisher.create(TestKafka.producerProperties(), topics);
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @AfterEach
    void close() {
        publisher.close();
    }

    private static Kline kline(String symbol, long openTime, boolean closed) {
        return new Kline(symbol, "1m", openTime, openTime + 59_999, new BigDecimal("105573.73000000"),
                new BigDecimal("105597.10000000"), new BigDecimal("105554.31000000"),
                new BigDecimal("105554.32000000"), new BigDecimal("0.00000100"), new BigDecimal("1143174.21"), 42,
                new BigDecimal("5.1"), new BigDecimal("538384.2"), closed);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void closedCandlesArePlainKlineJsonKeyedBySymbolInOrderWithTheirSource() throws Exception {
        // given
        List<Kline> klines = List.of(kline("BTCUSDT", 1_747_699_200_000L, true),
                kline("BTCUSDT", 1_747_699_260_000L, true), kline("ETHUSDT", 1_747_699_200_000L, true));

        // when
        publisher.publishClosed(klines, KlinePublisher.SOURCE_REPLAY);

        // then
        List<ConsumerRecord<String, String>> records = Topics.readAll(topics.closed());
        assertThat(records).hasSize(3);
        List<ConsumerRecord<String, String>> btc = records.stream().filter(r -> r.key().equals("BTCUSDT")).toList();
        assertThat(btc).extracting(r -> mapper.readValue(r.value(), Kline.class)).containsExactly(klines.get(0),
                klines.get(1));
        assertThat(btc.get(0).partition()).isEqualTo(btc.get(1).partition());
        ConsumerRecord<String, String> first = btc.get(0);
        assertThat(header(first, KlinePublisher.SOURCE_HEADER)).isEqualTo("binance-replay");
        assertThat(header(first, "__TypeId__")).isNull();
        assertThat(first.value()).contains("\"volume\":0.00000100").contains("\"openTime\":1747699200000");
    }

    @Test
    void closedCandlesFromTheCollectorCarryTheSourcesClockWhenTheyWerePublished() throws Exception {
        // given
        Kline kline = kline("SOLUSDT", 1_747_699_200_000L, true);
        long sourceNow = 1_747_699_261_500L;

        // when
        publisher.publishClosed(List.of(kline), KlinePublisher.SOURCE_LIVE, sourceNow);
        publisher.publishClosed(List.of(kline("SOLUSDT", 1_747_699_260_000L, true)), KlinePublisher.SOURCE_LIVE);

        // then: stamped when the time is known, unstamped otherwise
        List<ConsumerRecord<String, String>> sol = Topics.readAll(topics.closed()).stream()
                .filter(r -> r.key().equals("SOLUSDT")).toList();
        assertThat(sol).hasSize(2);
        assertThat(header(sol.get(0), MarketTopics.SOURCE_TIME_HEADER)).isEqualTo("1747699261500");
        assertThat(header(sol.get(1), MarketTopics.SOURCE_TIME_HEADER)).isNull();
    }

    @Test
    void liveUpdatesGoToTheLiveTopic() throws Exception {
        // given
        Kline update = kline("ETHUSDT", 1_747_699_200_000L, false);

        // when
        publisher.publishLive(update, KlinePublisher.SOURCE_LIVE).get();

        // then
        List<ConsumerRecord<String, String>> records = Topics.readAll(topics.live());
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("ETHUSDT");
            assertThat(mapper.readValue(r.value(), Kline.class)).isEqualTo(update);
        });
        assertThat(Topics.readAll(topics.closed())).isEmpty();
    }

    @Test
    void aDeadLetterCarriesTheRawTextItsReasonAndWhereItCameFrom() throws Exception {
        // given
        String raw = "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"k\":{\"o\":\"abc\"";

        // when
        publisher.deadLetter("BTCUSDT", raw, "not JSON: Unexpected end-of-input", KlinePublisher.SOURCE_LIVE,
                "wss://stream.binance.com:9443/stream?streams=btcusdt@kline_1m").get();

        // then
        assertThat(Topics.readAll(topics.deadLetter())).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("BTCUSDT");
            assertThat(r.value()).isEqualTo(raw);
            assertThat(header(r, KlinePublisher.REASON_HEADER)).isEqualTo("not JSON: Unexpected end-of-input");
            assertThat(header(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo("not JSON: Unexpected end-of-input");
            assertThat(header(r, KlinePublisher.ORIGIN_HEADER)).startsWith("wss://stream.binance.com");
        });
    }
}
