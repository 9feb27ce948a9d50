package io.trendline.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.api.market.MarketTopics;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** Candles and price alerts pushed over STOMP as they reach Kafka, to a client that logged in. */
@StandaloneTest
class LiveMarketTest {

    private static final long T0 = 1_747_699_200_000L;

    @LocalServerPort
    int port;

    private WebSocketStompClient client;
    private StompSession session;

    @BeforeEach
    void connect() throws Exception {
        TestAccounts.Session trader = TestAccounts.registerAndLogin("http://127.0.0.1:" + port, "live");
        client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new MappingJackson2MessageConverter());
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", trader.bearer());
        session = client.connectAsync("ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(), connect,
                new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() {
        if (session != null && session.isConnected()) {
            session.disconnect();
        }
        client.stop();
    }

    private BlockingQueue<Map<String, Object>> subscribe(String destination) throws InterruptedException {
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return Map.class;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add((Map<String, Object>) payload);
            }
        });
        Thread.sleep(200); // the SUBSCRIBE frame is asynchronous; give the broker a moment to register it
        return received;
    }

    private static String symbol() {
        return "LV" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static String kline(String symbol, int minute, String close, boolean closed) {
        long open = T0 + minute * 60_000L;
        return "{\"symbol\":\"" + symbol + "\",\"interval\":\"1m\",\"openTime\":" + open + ",\"closeTime\":"
                + (open + 59_999) + ",\"open\":" + close + ",\"high\":" + close + ",\"low\":" + close + ",\"close\":"
                + close + ",\"volume\":1,\"quoteVolume\":" + close + ",\"trades\":1,\"takerBuyBaseVolume\":0,"
                + "\"takerBuyQuoteVolume\":0,\"closed\":" + closed + "}";
    }

    /** A closed candle as the collector publishes it, stamped with the source's clock at publication. */
    private static void produceStamped(String key, String value, long sourceTime) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                LocalStackForTests.get().kafkaBootstrapServers(), "acks", "all"), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(MarketTopics.KLINE_1M, key, value);
            record.headers().add(MarketTopics.SOURCE_TIME_HEADER,
                    Long.toString(sourceTime).getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static void produce(String topic, String key, String... values) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                LocalStackForTests.get().kafkaBootstrapServers(), "acks", "all"), new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            }
        }
    }

    @Test
    void aCandleInProgressReachesTheSubscribersOfItsSymbolOnly() throws Exception {
        // given
        String symbol = symbol();
        BlockingQueue<Map<String, Object>> mine = subscribe("/topic/candles." + symbol);
        BlockingQueue<Map<String, Object>> other = subscribe("/topic/candles." + symbol());

        // when
        produce(MarketTopics.KLINE_LIVE, symbol, kline(symbol, 0, "101.5", false));

        // then
        Map<String, Object> candle = mine.poll(20, TimeUnit.SECONDS);
        assertThat(candle).isNotNull().containsEntry("symbol", symbol).containsEntry("closed", false)
                .containsEntry("openTime", T0);
        assertThat(candle.get("close").toString()).isEqualTo("101.5");
        assertThat(other.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aCandleThatWasHistoryWhenPublishedIsNotPushedOneThatJustClosedIs() throws Exception {
        // given
        String symbol = symbol();
        BlockingQueue<Map<String, Object>> candles = subscribe("/topic/candles." + symbol);

        // when: minute 0 backfilled an hour after it closed, then minute 1 published as it closed
        produceStamped(symbol, kline(symbol, 0, "100", true), T0 + 61 * 60_000L);
        produceStamped(symbol, kline(symbol, 1, "101", true), T0 + 2 * 60_000L + 300);

        // then
        Map<String, Object> pushed = candles.poll(20, TimeUnit.SECONDS);
        assertThat(pushed).isNotNull().containsEntry("openTime", T0 + 60_000L);
        assertThat(candles.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aMoveOfFivePercentWithinTheWindowIsAnAlertOnTheTopicAndToItsSubscribers() throws Exception {
        // given
        String symbol = symbol();
        BlockingQueue<Map<String, Object>> alerts = subscribe("/topic/alerts." + symbol);

        // when: 100 → 101 → 105.05 in three minutes (+5.05 % from the low of the window)
        produce(MarketTopics.KLINE_1M, symbol, kline(symbol, 0, "100", true), kline(symbol, 1, "101", true),
                kline(symbol, 2, "104.9", true), kline(symbol, 3, "105.05", true));

        // then
        Map<String, Object> alert = alerts.poll(30, TimeUnit.SECONDS);
        assertThat(alert).isNotNull().containsEntry("symbol", symbol).containsEntry("time", T0 + 3 * 60_000L)
                .containsEntry("fromTime", T0);
        assertThat(alert.get("changePercent").toString()).isEqualTo("5.05");
        assertThat(alert.get("thresholdPercent").toString()).isEqualTo("5");
        assertThat(alerts.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(alertsOnKafka(symbol)).hasSize(1);
    }

    @Test
    void aBackfillsMovesAreNoNewsOnlyMovesAmongCandlesPublishedAsTheyClosedAlert() throws Exception {
        // given
        String symbol = symbol();
        BlockingQueue<Map<String, Object>> alerts = subscribe("/topic/alerts." + symbol);

        // when: +10 % among candles backfilled a day later, then +5.45 % among candles published as they closed
        long dayLater = T0 + 86_400_000L;
        produceStamped(symbol, kline(symbol, 0, "100", true), dayLater);
        produceStamped(symbol, kline(symbol, 1, "110", true), dayLater);
        produceStamped(symbol, kline(symbol, 2, "110", true), T0 + 3 * 60_000L + 500);
        produceStamped(symbol, kline(symbol, 3, "116", true), T0 + 4 * 60_000L + 500);

        // then: one alert, whose window starts at the first candle that was news
        Map<String, Object> alert = alerts.poll(30, TimeUnit.SECONDS);
        assertThat(alert).isNotNull().containsEntry("time", T0 + 3 * 60_000L)
                .containsEntry("fromTime", T0 + 2 * 60_000L);
        assertThat(alerts.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(alertsOnKafka(symbol)).hasSize(1);
    }

    @Test
    void aConnectWithoutATokenIsRefused() {
        WebSocketStompClient anonymous = new WebSocketStompClient(new StandardWebSocketClient());
        try {
            assertThatThrownBy(() -> anonymous.connectAsync("ws://127.0.0.1:" + port + "/ws",
                    new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS)).isNotNull();
        } finally {
            anonymous.stop();
        }
    }

    private static List<String> alertsOnKafka(String symbol) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackForTests.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "alert-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(MarketTopics.ALERTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<String> found = new java.util.ArrayList<>();
            while (System.nanoTime() < deadline && found.isEmpty()) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (symbol.equals(r.key())) {
                        found.add(r.value());
                    }
                });
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (symbol.equals(r.key())) {
                    found.add(r.value());
                }
            });
            return found;
        }
    }
}
