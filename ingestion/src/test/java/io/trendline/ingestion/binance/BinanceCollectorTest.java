package io.trendline.ingestion.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trendline.ingestion.binance.fake.CandleSeries;
import io.trendline.ingestion.binance.fake.FakeBinance;
import io.trendline.ingestion.binance.fake.ReplayClock;
import io.trendline.ingestion.testing.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/** The collector's recovery paths on generated candles: restart, connection renewal, poison messages. */
class BinanceCollectorTest {

    private static final long T0 = Instant.parse("2025-05-20T00:00:00Z").toEpochMilli();
    private static final long MINUTE = CandleSeries.MINUTE;

    private static FakeBinance.Builder fake(int startMinute) {
        return FakeBinance.builder()
                .series(CandleSeries.generated("BTCUSDT", T0, 3000, 11),
                        CandleSeries.generated("ETHUSDT", T0, 3000, 12))
                .clock(ReplayClock.paused(Instant.ofEpochMilli(T0 + startMinute * MINUTE + 20_000)))
                .updateInterval(Duration.ofMillis(100)).pings(Duration.ofMillis(300), Duration.ofSeconds(5));
    }

    @Test
    void pastTheEndOfItsSourceTheLastCandleIsFetchedOverRestAsClosed() {
        // given: a replay whose clock is five minutes past its last candle (minute 2999), so no newer one will come
        try (CollectorHarness h = new CollectorHarness(fake(3005).start(), "end-of-source")) {

            // when
            h.start(Duration.ofDays(3), Duration.ofHours(1));

            // then: the last candle is published too, though its closing message never came on the stream
            h.awaitLastClosed(2999, Duration.ofSeconds(20));
            h.assertPublishedExactly(2999);
        }
    }

    @Test
    void aRestartedCollectorResumesAfterTheLastPublishedCandleWithoutDuplicatesOrGaps() {
        // given: a collector that backfilled 1,000 minutes and streamed 5 more
        try (CollectorHarness h = new CollectorHarness(fake(1000).start(), "restart")) {
            h.start(Duration.ofDays(2), Duration.ofHours(1));
            h.awaitLastClosed(999, Duration.ofSeconds(20));
            h.advanceMinutes(5);
            h.awaitLastClosed(1004, Duration.ofSeconds(5));

            // when: it stops, 10 minutes pass, and a new one starts on the same topic
            h.stopCollector();
            h.advanceMinutes(10);
            h.start(Duration.ofDays(2), Duration.ofHours(1));
            h.awaitLastClosed(1014, Duration.ofSeconds(10));
            h.advanceMinutes(2);
            h.awaitLastClosed(1016, Duration.ofSeconds(5));

            // then: minutes 0..1016 of both symbols, each once; the new collector fetched only the 10 it missed
            h.assertPublishedExactly(1016);
            assertThat(h.status("BTCUSDT").published()).isEqualTo(12);
        }
    }

    @Test
    void theConnectionIsRenewedBeforeTheServerCutsItAndNothingIsLostInTheSwitch() {
        // given: the server cuts connections at 4 s (Binance: 24 h), the collector renews them at 0.7 s (23 h)
        try (CollectorHarness h = new CollectorHarness(fake(100).maxConnectionAge(Duration.ofSeconds(4)).start(),
                "renew")) {
            h.start(Duration.ofDays(1), Duration.ofMillis(700));
            h.awaitLastClosed(99, Duration.ofSeconds(10));

            // when: three seconds of live minutes
            for (int i = 0; i < 12; i++) {
                h.advanceMinutes(1);
                sleep(250);
            }
            h.awaitLastClosed(111, Duration.ofSeconds(5));

            // then
            assertThat(h.collector.status().streamRenewals()).isGreaterThanOrEqualTo(3);
            assertThat(h.fake.stats().streamConnectionsExpired()).isZero();
            assertThat(h.status("BTCUSDT").repairedGaps() + h.status("ETHUSDT").repairedGaps()).isZero();
            h.assertPublishedExactly(111);
        }
    }

    @Test
    void everyMalformedStreamMessageGoesToTheDeadLetterTopicWithItsReasonAndTheStreamMovesOn() {
        // given
        try (CollectorHarness h = new CollectorHarness(fake(50).start(), "poison")) {
            h.start(Duration.ofDays(1), Duration.ofHours(1));
            h.awaitLastClosed(49, Duration.ofSeconds(10));
            long t = T0 + 50 * MINUTE;
            String kline = "{\"stream\":\"ethusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1,\"s\":\"ETHUSDT\",\"k\":"
                    + "{\"t\":" + t + ",\"T\":" + (t + 59_999) + ",\"s\":\"ETHUSDT\",\"i\":\"%s\",\"f\":1,\"L\":2,"
                    + "\"o\":\"2\",\"c\":\"2\",\"h\":\"%s\",\"l\":\"1\",\"v\":\"1\",\"n\":1,\"x\":true,\"q\":\"1\","
                    + "\"V\":\"1\",\"Q\":\"1\",\"B\":\"0\"}}}";
            Map<String, String> poison = Map.of(
                    "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\"", "not JSON",
                    String.format(kline, "5m", "3"), "unexpected interval '5m'",
                    String.format(kline, "1m", "1.5"), "inconsistent candle",
                    "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"s\":\"BTCUSDT\"}}",
                    "unexpected event type 'trade'");

            // when
            poison.keySet().forEach(h.fake.faults()::sendRaw);
            h.advanceMinutes(2);

            // then: all four dead-lettered with their reasons; the candles after them still arrive
            h.awaitLastClosed(51, Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> Topics.readAll(h.topics.deadLetter()).size() == 4);
            Map<String, String> reasons = Topics.readAll(h.topics.deadLetter()).stream().collect(Collectors.toMap(
                    ConsumerRecord::value, r -> new String(r.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                            .value(), StandardCharsets.UTF_8)));
            poison.forEach((raw, reason) -> assertThat(reasons.get(raw)).as(raw).contains(reason));
            List<String> keys = Topics.readAll(h.topics.deadLetter()).stream().map(ConsumerRecord::key).toList();
            assertThat(keys).contains("ETHUSDT", "BTCUSDT");
            h.assertPublishedExactly(51);
            assertThat(h.collector.status().deadLetters()).isEqualTo(4);
        }
    }

    @Test
    void withoutAStreamTheFeedsKeepCollectingByPollingRest() {
        // given: every stream handshake refused
        FakeBinance fake = fake(200).start();
        fake.faults().refuseConnections(Integer.MAX_VALUE);
        try (CollectorHarness h = new CollectorHarness(fake, "poll")) {
            h.start(Duration.ofDays(1), Duration.ofHours(1), Duration.ofSeconds(1));
            h.awaitLastClosed(199, Duration.ofSeconds(10));

            // when: five minutes pass
            h.advanceMinutes(5);

            // then: they arrive over REST all the same
            h.awaitLastClosed(204, Duration.ofSeconds(10));
            assertThat(h.collector.status().streamConnected()).isFalse();
            assertThat(fake.stats().streamConnectionsRefused()).isPositive();
            h.assertPublishedExactly(204);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
