package io.trendline.ingestion.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trendline.ingestion.binance.fake.CandleSeries;
import io.trendline.ingestion.binance.fake.FakeBinance;
import io.trendline.ingestion.binance.fake.ReplayClock;
import io.trendline.ingestion.testing.SharedData;
import io.trendline.ingestion.testing.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The scenario: the fake serves the real 2025 1-minute candles of BTCUSDT and ETHUSDT (130,708 each); the
 * collector backfills all but the last 40 minutes over REST, then takes the rest from the stream through a forced
 * gap, a 429, a dropped connection, a stalled one and a malformed message; the topic then holds every source minute
 * once, equal to the file.
 */
class BinanceCollectorRealDataTest {

    private static final long T0 = Instant.parse("2025-05-20T00:00:00Z").toEpochMilli();

    private static CandleSeries candles(String symbol, long seed) {
        return SharedData.fileOrFailInCi("klines/" + symbol + "-1m-2025-05-20_2025-08-18.csv.gz")
                .map(file -> CandleSeries.read(symbol, file))
                .orElseGet(() -> CandleSeries.generated(symbol, T0, 3 * 1440, seed));
    }

    @Test
    void everySourceMinuteReachesTheTopicOnceThroughBackfillStreamAndFaults() {
        // given: the clock 30 s into the 40th candle from the end
        var btcRead = java.util.concurrent.CompletableFuture.supplyAsync(() -> candles("BTCUSDT", 1));
        CandleSeries eth = candles("ETHUSDT", 2);
        CandleSeries btc = btcRead.join();
        int n = btc.size();
        assertThat(eth.size()).isEqualTo(n);
        ReplayClock clock = ReplayClock.paused(Instant.ofEpochMilli(btc.openTime(n - 40) + 30_000));
        FakeBinance fake = FakeBinance.builder().series(btc, eth).clock(clock)
                .updateInterval(Duration.ofMillis(100)).pings(Duration.ofMillis(300), Duration.ofSeconds(5))
                .start();
        try (CollectorHarness h = new CollectorHarness(fake, "realdata")) {

            // when: backfill
            long started = System.nanoTime();
            h.start(Duration.ofDays(120), Duration.ofHours(1));
            h.awaitLastClosed(n - 41, Duration.ofSeconds(60));
            System.err.printf("backfill of %d candles: %d ms%n", 2 * (n - 40),
                    (System.nanoTime() - started) / 1_000_000);

            // when: live, then a forced gap
            h.advanceMinutes(3);
            h.awaitLastClosed(n - 38, Duration.ofSeconds(5));
            fake.faults().skipClosedCandles("BTCUSDT", 3);
            h.advanceMinutes(4);
            h.awaitLastClosed(n - 34, Duration.ofSeconds(5));

            // when: a 429 during the next repair
            fake.faults().skipClosedCandles("ETHUSDT", 2);
            fake.faults().failRestRequests(429, 1, Duration.ofSeconds(1));
            h.advanceMinutes(3);
            h.awaitLastClosed(n - 31, Duration.ofSeconds(10));

            // when: the connection drops and three minutes pass before it is back
            long connections = fake.stats().streamConnections();
            fake.faults().dropConnections();
            h.advanceMinutes(3);
            await().atMost(Duration.ofSeconds(5)).until(() -> fake.stats().streamConnections() > connections
                    && h.collector.status().streamConnected());
            h.advanceMinutes(1);
            h.awaitLastClosed(n - 27, Duration.ofSeconds(5));

            // when: the connection stalls
            long beforeStall = fake.stats().streamConnections();
            long stallsBefore = h.collector.status().streamStalls();
            fake.faults().stallConnections();
            h.advanceMinutes(2);
            await().atMost(Duration.ofSeconds(8)).until(() -> fake.stats().streamConnections() > beforeStall
                    && h.collector.status().streamConnected());
            h.advanceMinutes(1);
            h.awaitLastClosed(n - 24, Duration.ofSeconds(5));

            // when: a malformed message, then the rest of the file
            String malformed = "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\","
                    + "\"k\":{\"t\":" + btc.openTime(n - 23) + ",\"T\":" + (btc.openTime(n - 23) + 59_999)
                    + ",\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":1,\"L\":2,\"o\":\"abc\",\"c\":\"1\",\"h\":\"1\","
                    + "\"l\":\"1\",\"v\":\"1\",\"n\":1,\"x\":true,\"q\":\"1\",\"V\":\"1\",\"Q\":\"1\",\"B\":\"0\"}}}";
            fake.faults().sendRaw(malformed);
            clock.set(Instant.ofEpochMilli(btc.lastOpenTime() + 2 * CandleSeries.MINUTE));
            fake.awaitStreamIdle();
            h.awaitLastClosed(n - 1, Duration.ofSeconds(10));

            // then: every minute of both files once, equal to the file
            started = System.nanoTime();
            h.assertPublishedExactly(n - 1);
            System.err.printf("verified %d candles: %d ms%n", 2 * n, (System.nanoTime() - started) / 1_000_000);
            assertThat(h.status("BTCUSDT").repairedGaps()).isGreaterThanOrEqualTo(3);
            assertThat(h.status("ETHUSDT").repairedGaps()).isGreaterThanOrEqualTo(3);
            assertThat(fake.stats().restTooManyRequests()).isEqualTo(1);
            assertThat(fake.stats().restBans()).isZero();
            // a loaded machine may miss a ping window elsewhere too; the forced stall must be one of them
            assertThat(h.collector.status().streamStalls()).isGreaterThan(stallsBefore);
            assertThat(fake.stats().pongs()).as("pings answered by the JDK client").isPositive();
            assertThat(fake.stats().pongTimeouts()).isZero();
            List<ConsumerRecord<String, String>> deadLetters = Topics.readAll(h.topics.deadLetter());
            assertThat(deadLetters).singleElement().satisfies(r -> {
                assertThat(r.value()).isEqualTo(malformed);
                assertThat(r.key()).isEqualTo("BTCUSDT");
                assertThat(new String(r.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(),
                        StandardCharsets.UTF_8)).contains("k.o").contains("abc");
            });
            assertThat(Topics.readAll(h.topics.live())).isNotEmpty()
                    .allSatisfy(r -> assertThat(CollectorHarness.read(r.value()).closed()).isFalse());
        }
    }
}
