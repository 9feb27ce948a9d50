package io.trendline.ingestion.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.api.market.Kline;
import io.trendline.ingestion.publish.KlinePublisher;
import io.trendline.ingestion.publish.KlineTopics;
import io.trendline.ingestion.testing.TestKafka;
import io.trendline.ingestion.testing.Topics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaLastCandleStoreTest {

    private static final long T0 = 1_747_699_200_000L;
    private static final long MINUTE = 60_000;

    private static Kline kline(String symbol, long openTime) {
        BigDecimal one = BigDecimal.ONE;
        return new Kline(symbol, "1m", openTime, openTime + MINUTE - 1, one, one, one, one, one, one, 1, one, one,
                true);
    }

    private static KafkaLastCandleStore store(KlineTopics topics, String source) {
        return new KafkaLastCandleStore(TestKafka.consumerProperties(), topics.closed(), source, 100_000);
    }

    @Test
    void findsEachSymbolsLastCollectedCandleIgnoringOtherSourcesAndOlderHistoryWrittenAfterIt() {
        // given: interleaved symbols over several chunks, then an import of old history under another source
        KlineTopics topics = KlineTopics.prefixed(TestKafka.uniquePrefix("store"));
        try (KlinePublisher publisher = KlinePublisher.create(TestKafka.producerProperties(), topics)) {
            List<Kline> collected = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                collected.add(kline("BTCUSDT", T0 + i * MINUTE));
                if (i < 2500) {
                    collected.add(kline("ETHUSDT", T0 + i * MINUTE));
                }
            }
            publisher.publishClosed(collected, KlinePublisher.SOURCE_LIVE);
            publisher.publishClosed(List.of(kline("BTCUSDT", T0 - 100 * MINUTE)), "file-import");
            publisher.publishClosed(List.of(kline("ETHUSDT", T0 + 9000 * MINUTE)), KlinePublisher.SOURCE_REPLAY);
        }

        // when
        KafkaLastCandleStore live = store(topics, KlinePublisher.SOURCE_LIVE);
        KafkaLastCandleStore replay = store(topics, KlinePublisher.SOURCE_REPLAY);

        // then
        assertThat(live.lastClosedOpenTime("BTCUSDT")).hasValue(T0 + 2999 * MINUTE);
        assertThat(live.lastClosedOpenTime("ETHUSDT")).hasValue(T0 + 2499 * MINUTE);
        assertThat(live.lastClosedOpenTime("SOLUSDT")).isEmpty();
        assertThat(replay.lastClosedOpenTime("ETHUSDT")).hasValue(T0 + 9000 * MINUTE);
        assertThat(replay.lastClosedOpenTime("BTCUSDT")).isEmpty();
    }

    @Test
    void aTopicThatDoesNotExistGivesNothingAndIsNotCreated() {
        // given
        KlineTopics topics = KlineTopics.prefixed(TestKafka.uniquePrefix("absent"));

        // when
        var last = store(topics, KlinePublisher.SOURCE_LIVE).lastClosedOpenTime("BTCUSDT");

        // then
        assertThat(last).isEmpty();
        assertThat(Topics.readAll(topics.closed())).isEmpty();
    }
}
