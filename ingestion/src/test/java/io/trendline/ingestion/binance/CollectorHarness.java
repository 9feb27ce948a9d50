package io.trendline.ingestion.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import io.trendline.ingestion.binance.fake.CandleSeries;
import io.trendline.ingestion.binance.fake.FakeBinance;
import io.trendline.ingestion.publish.KlinePublisher;
import io.trendline.ingestion.publish.KlineTopics;
import io.trendline.ingestion.testing.TestKafka;
import io.trendline.ingestion.testing.Topics;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A collector wired to a fake Binance and real Kafka, with the fast timings tests want. */
final class CollectorHarness implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    final FakeBinance fake;
    final KlineTopics topics;
    final KlinePublisher publisher;
    final List<String> symbols;
    BinanceCollector collector;

    CollectorHarness(FakeBinance fake, String name) {
        this.fake = fake;
        this.topics = KlineTopics.prefixed(TestKafka.uniquePrefix(name));
        this.publisher = KlinePublisher.create(TestKafka.producerProperties(), topics);
        this.symbols = fake.allSeries().stream().map(CandleSeries::symbol).toList();
    }

    static BinanceCollector.Settings settings(FakeBinance fake, List<String> symbols, Duration initialBackfill,
                                              Duration renewAfter, Duration pollAfter) {
        return new BinanceCollector.Settings(symbols,
                new BinanceRestClient.Settings(fake.restUrl(), 5000, Duration.ofMinutes(1), 5, Duration.ofMillis(100),
                        Duration.ofSeconds(10), Duration.ofSeconds(10)),
                new BinanceStream.Settings(fake.streamUrl(), Duration.ofMillis(100), Duration.ofMillis(400),
                        Duration.ofSeconds(2), renewAfter, Duration.ofSeconds(5)),
                new SymbolFeed.Settings(initialBackfill, Duration.ofDays(365), Duration.ofMillis(100),
                        Duration.ofSeconds(1), pollAfter),
                KlinePublisher.SOURCE_REPLAY);
    }

    BinanceCollector start(Duration initialBackfill, Duration renewAfter) {
        return start(initialBackfill, renewAfter, Duration.ofHours(1));
    }

    BinanceCollector start(Duration initialBackfill, Duration renewAfter, Duration pollAfter) {
        LastCandleStore store = new KafkaLastCandleStore(TestKafka.consumerProperties(), topics.closed(),
                KlinePublisher.SOURCE_REPLAY, 1_000_000);
        collector = new BinanceCollector(settings(fake, symbols, initialBackfill, renewAfter, pollAfter), publisher,
                store,
                fake.clock(), HttpClient.newHttpClient());
        collector.start();
        return collector;
    }

    void stopCollector() {
        collector.close();
        collector = null;
    }

    SymbolFeed.Status status(String symbol) {
        return collector.status().symbols().stream().filter(s -> s.symbol().equals(symbol)).findFirst()
                .orElseThrow();
    }

    /** Waits until every symbol's last published candle is the one at {@code index} of its series. */
    void awaitLastClosed(int index, Duration within) {
        for (String symbol : symbols) {
            long expected = fake.series(symbol).openTime(index);
            await().atMost(within).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                    assertThat(status(symbol).lastClosedOpenTime()).as("last closed candle of %s", symbol)
                            .isEqualTo(expected));
        }
    }

    /** Moves the replay clock a minute at a time, letting the stream send each step. */
    void advanceMinutes(int minutes) {
        for (int i = 0; i < minutes; i++) {
            fake.clock().advance(Duration.ofMinutes(1));
            fake.awaitStreamIdle();
        }
    }

    /** The closed-candle topic as Klines per symbol, in topic order. */
    Map<String, List<Kline>> publishedClosed() {
        Map<String, List<Kline>> bySymbol = new HashMap<>();
        for (ConsumerRecord<String, String> r : Topics.readAll(topics.closed())) {
            Kline k = read(r.value());
            assertThat(r.key()).isEqualTo(k.symbol());
            bySymbol.computeIfAbsent(k.symbol(), s -> new ArrayList<>()).add(k);
        }
        return bySymbol;
    }

    /** Asserts that the topic holds every candle of each series up to {@code lastIndex}, once, equal to the source. */
    void assertPublishedExactly(int lastIndex) {
        Map<String, List<Kline>> published = publishedClosed();
        for (String symbol : symbols) {
            CandleSeries source = fake.series(symbol);
            List<Kline> klines = published.getOrDefault(symbol, List.of());
            assertThat(klines).as("%s candles on the topic", symbol).hasSize(lastIndex + 1);
            for (int i = 0; i <= lastIndex; i++) {
                Kline k = klines.get(i);
                if (k.openTime() != source.openTime(i) || k.open().compareTo(source.open(i)) != 0
                        || k.high().compareTo(source.high(i)) != 0 || k.low().compareTo(source.low(i)) != 0
                        || k.close().compareTo(source.close(i)) != 0 || k.volume().compareTo(source.volume(i)) != 0
                        || !k.closed()) {
                    throw new AssertionError(symbol + " candle " + i + " differs from the source: " + k);
                }
            }
        }
    }

    static Kline read(String json) {
        try {
            return JSON.readValue(json, Kline.class);
        } catch (Exception e) {
            throw new AssertionError("not a Kline: " + json, e);
        }
    }

    @Override
    public void close() {
        if (collector != null) {
            collector.close();
        }
        publisher.close();
        fake.close();
    }
}
