package io.trendline.ingestion.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trendline.ingestion.binance.fake.CandleSeries;
import io.trendline.ingestion.publish.KlinePublisher;
import io.trendline.ingestion.publish.KlineTopics;
import io.trendline.ingestion.testing.TestKafka;
import io.trendline.ingestion.testing.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BinanceCollectorConfigurationTest {

    private static final long T0 = Instant.parse("2025-05-20T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final KlineTopics topics = KlineTopics.prefixed(TestKafka.uniquePrefix("config"));

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withUserConfiguration(BinanceCollectorConfiguration.class)
                .withBean(KlinePublisher.class, () -> KlinePublisher.create(TestKafka.producerProperties(), topics))
                .withPropertyValues("spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "trendline.symbols=BTCUSDT,ETHUSDT");
    }

    /** A 7-column candle file as in shared/data/klines, of made-up candles. */
    private void writeCandles(String symbol, int minutes, long seed) {
        CandleSeries s = CandleSeries.generated(symbol, T0, minutes, seed);
        StringBuilder csv = new StringBuilder("open_time,open,high,low,close,volume,close_time\n");
        for (int i = 0; i < s.size(); i++) {
            csv.append(s.openTime(i)).append(',').append(s.open(i)).append(',').append(s.high(i)).append(',')
                    .append(s.low(i)).append(',').append(s.close(i)).append(',').append(s.volume(i)).append(',')
                    .append(s.openTime(i) + CandleSeries.MINUTE - 1).append('\n');
        }
        try {
            Files.writeString(dir.resolve(symbol + "-1m-test.csv"), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void switchedOffThereIsNoCollector() {
        runner().withPropertyValues("trendline.ingestion.binance.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(BinanceCollectorService.class)
                        .doesNotHaveBean(BinanceCollectorHealth.class));
    }

    @Test
    void replayModeServesTheFilesThroughTheFakeAndSaysSoInTheHealth() {
        // given
        writeCandles("BTCUSDT", 500, 1);
        writeCandles("ETHUSDT", 500, 2);

        runner().withPropertyValues("trendline.binance.mode=replay", "trendline.binance.replay.dir=" + dir,
                "trendline.binance.initial-backfill=2h", "trendline.binance.replay.speed=60").run(context -> {
                    // when
                    BinanceCollectorHealth health = context.getBean(BinanceCollectorHealth.class);

                    // then
                    await().atMost(Duration.ofSeconds(15)).until(() -> health.health().getStatus() == Status.UP
                            && symbol(health.health(), "BTCUSDT").get("caughtUp").equals(true)
                            && symbol(health.health(), "ETHUSDT").get("caughtUp").equals(true));
                    Health h = health.health();
                    assertThat(h.getDetails().get("mode")).isEqualTo("replay");
                    assertThat((String) h.getDetails().get("source")).contains("REPLAY").contains("NOT live");
                    assertThat(symbol(h, "BTCUSDT").get("lastClosedCandle")).isNotNull();
                    assertThat(Topics.readAll(topics.closed())).hasSizeGreaterThanOrEqualTo(2 * 120)
                            .allSatisfy(r -> assertThat(new String(r.headers().lastHeader(KlinePublisher.SOURCE_HEADER)
                                    .value(), StandardCharsets.UTF_8)).isEqualTo(KlinePublisher.SOURCE_REPLAY));
                });
    }

    @Test
    void replayModeWithoutFilesStaysIdleWithoutDisturbingTheApplicationsHealth() {
        runner().withPropertyValues("trendline.binance.mode=replay", "trendline.binance.replay.dir=" + dir)
                .run(context -> {
                    BinanceCollectorHealth health = context.getBean(BinanceCollectorHealth.class);
                    await().atMost(Duration.ofSeconds(5)).until(() ->
                            context.getBean(BinanceCollectorService.class).state()
                                    == BinanceCollectorService.State.IDLE);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
                    assertThat((String) health.health().getDetails().get("source")).contains("no <SYMBOL>-1m-");
                });
    }

    @Test
    void anUnreachableBinanceNeitherDelaysStartupNorCrashesAndTurnsTheHealthDownAfterAWhile() {
        // given: nothing listens on port 1
        long started = System.nanoTime();
        runner().withPropertyValues("trendline.binance.mode=live", "trendline.binance.rest-url=http://127.0.0.1:1",
                "trendline.binance.ws-url=ws://127.0.0.1:1", "trendline.binance.down-after=1s",
                "trendline.binance.reconnect-min=100ms", "trendline.binance.max-attempts=1").run(context -> {
                    // then
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                    BinanceCollectorHealth health = context.getBean(BinanceCollectorHealth.class);
                    await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus() == Status.DOWN);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> stream = (Map<String, Object>) health.health().getDetails().get("stream");
                    assertThat(stream.get("connected")).isEqualTo(false);
                    assertThat((String) stream.get("lastProblem")).contains("127.0.0.1:1");
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> symbol(Health health, String symbol) {
        Map<String, Object> symbols = (Map<String, Object>) health.getDetails().get("symbols");
        return symbols == null ? Map.of() : (Map<String, Object>) symbols.getOrDefault(symbol, Map.of());
    }
}
