package io.trendline.ingestion.binance.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.ingestion.testing.SharedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeBinanceStreamTest {

    private static final long T0 = Instant.parse("2025-05-20T00:00:00Z").toEpochMilli();
    private static final long MINUTE = CandleSeries.MINUTE;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final CandleSeries btc = CandleSeries.generated("BTCUSDT", T0, 200, 1);
    private final CandleSeries eth = CandleSeries.generated("ETHUSDT", T0, 200, 2);
    private final List<WebSocket> sockets = new ArrayList<>();
    private FakeBinance fake;

    @AfterEach
    void stop() {
        sockets.forEach(WebSocket::abort);
        if (fake != null) {
            fake.close();
        }
    }

    /** Collects text messages; the JDK client answers pings itself. */
    private static final class Collector implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder part = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                messages.add(part.toString());
                part.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.complete(code);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }

        JsonNode next(ObjectMapper mapper) throws Exception {
            String message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a stream message within 10 s").isNotNull();
            return mapper.readTree(message);
        }
    }

    private Collector connect(String path) {
        Collector collector = new Collector();
        sockets.add(http.newWebSocketBuilder().buildAsync(URI.create(fake.streamUrl() + path), collector).join());
        return collector;
    }

    private FakeBinance.Builder fakeAt(long time) {
        return FakeBinance.builder().series(btc, eth).clock(ReplayClock.paused(Instant.ofEpochMilli(time)))
                .updateInterval(Duration.ofHours(1));
    }

    @Test
    void aClosingMinuteSendsTheFinalCandleInBinancesCombinedFormat() throws Exception {
        // given
        fake = fakeAt(T0 + 10 * MINUTE + 5_000).start();
        Collector client = connect("/stream?streams=btcusdt@kline_1m/ethusdt@kline_1m");
        fake.awaitStreamIdle();
        client.messages.clear();

        // when
        fake.clock().advance(Duration.ofMinutes(1));
        fake.awaitStreamIdle();

        // then: BTC's and ETH's candle 10 closed, in the shape of the recorded Binance message
        List<JsonNode> received = List.of(client.next(mapper), client.next(mapper));
        JsonNode closedBtc = received.stream().filter(m -> m.at("/data/s").asText().equals("BTCUSDT")
                && m.at("/data/k/x").asBoolean()).findFirst().orElseThrow();
        assertThat(closedBtc.get("stream").asText()).isEqualTo("btcusdt@kline_1m");
        JsonNode recorded = SharedData.file("binance-api/nautilus__kline_stream_closed.json")
                .map(p -> read(p.toString())).orElse(null);
        if (recorded != null) {
            assertSameShape(closedBtc.get("data"), recorded);
        }
        JsonNode k = closedBtc.at("/data/k");
        assertThat(k.get("t").asLong()).isEqualTo(T0 + 10 * MINUTE);
        assertThat(k.get("T").asLong()).isEqualTo(T0 + 11 * MINUTE - 1);
        assertThat(k.get("i").asText()).isEqualTo("1m");
        WireCandle expected = WireCandle.closed(btc, 10);
        assertThat(k.get("o").asText()).isEqualTo(expected.open());
        assertThat(k.get("h").asText()).isEqualTo(expected.high());
        assertThat(k.get("l").asText()).isEqualTo(expected.low());
        assertThat(k.get("c").asText()).isEqualTo(expected.close());
        assertThat(k.get("v").asText()).isEqualTo(expected.volume());
    }

    private JsonNode read(String path) {
        try {
            return mapper.readTree(Files.readString(java.nio.file.Path.of(path)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameShape(JsonNode actual, JsonNode recorded) {
        List<String> names = new ArrayList<>();
        recorded.fieldNames().forEachRemaining(names::add);
        List<String> actualNames = new ArrayList<>();
        actual.fieldNames().forEachRemaining(actualNames::add);
        assertThat(actualNames).containsExactlyElementsOf(names);
        for (Iterator<String> it = recorded.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertThat(actual.get(name).getNodeType()).as(name).isEqualTo(recorded.get(name).getNodeType());
            if (recorded.get(name).isObject()) {
                assertSameShape(actual.get(name), recorded.get(name));
            }
        }
    }

    @Test
    void betweenClosesTheCandleInProgressIsUpdatedAndTheRawStreamCarriesNoWrapper() throws Exception {
        // given
        fake = fakeAt(T0 + 10 * MINUTE).updateInterval(Duration.ofMillis(50)).start();
        Collector client = connect("/ws/btcusdt@kline_1m");

        // when
        fake.clock().advance(Duration.ofSeconds(30));

        // then
        JsonNode update;
        do {
            update = client.next(mapper);
        } while (update.at("/k/x").asBoolean() || !update.at("/k/t").asText().equals(Long.toString(T0 + 10 * MINUTE))
                || update.get("E").asLong() < T0 + 10 * MINUTE + 30_000);
        assertThat(update.has("stream")).isFalse();
        assertThat(update.get("e").asText()).isEqualTo("kline");
        assertThat(update.at("/k/o").asText()).isEqualTo(WireCandle.closed(btc, 10).open());
    }

    @Test
    void theJdkClientAnswersEveryPingWithItsPayloadSoTheConnectionStays() {
        // given
        fake = fakeAt(T0 + 10 * MINUTE).pings(Duration.ofMillis(100), Duration.ofMillis(500)).start();

        // when
        Collector client = connect("/stream?streams=btcusdt@kline_1m");

        // then
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.stats().pongs() >= 10);
        assertThat(fake.stats().pongTimeouts()).isZero();
        assertThat(fake.stats().unexpectedPongs()).isZero();
        assertThat(client.closed).isNotDone();
    }

    @Test
    void connectionsAreClosedAtTheirMaximumAge() throws Exception {
        // given
        fake = fakeAt(T0 + 10 * MINUTE).maxConnectionAge(Duration.ofMillis(300)).start();

        // when
        Collector client = connect("/stream?streams=btcusdt@kline_1m");

        // then
        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(fake.stats().streamConnectionsExpired()).isEqualTo(1);
    }

    @Test
    void faultsDropStallRefuseAndSkip() throws Exception {
        // given
        fake = fakeAt(T0 + 10 * MINUTE).start();
        Collector dropped = connect("/stream?streams=btcusdt@kline_1m");
        Collector stalled = connect("/stream?streams=btcusdt@kline_1m");

        // when
        fake.faults().dropConnections();

        // then
        assertThat(dropped.closed.get(5, TimeUnit.SECONDS)).isIn(-1, 1006);
        assertThat(stalled.closed.get(5, TimeUnit.SECONDS)).isIn(-1, 1006);

        // when: a stalled connection receives nothing, a new one does; the skipped close is sent to nobody
        Collector quiet = connect("/stream?streams=btcusdt@kline_1m");
        fake.awaitStreamIdle();
        fake.faults().stallConnections();
        Collector fresh = connect("/stream?streams=btcusdt@kline_1m");
        fake.awaitStreamIdle();
        quiet.messages.clear();
        fresh.messages.clear();
        fake.faults().skipClosedCandles("BTCUSDT", 1);
        fake.clock().advance(Duration.ofMinutes(2));
        fake.awaitStreamIdle();

        // then
        JsonNode close = fresh.next(mapper);
        assertThat(close.at("/data/k/t").asLong()).isEqualTo(T0 + 11 * MINUTE);
        assertThat(quiet.messages).isEmpty();
        assertThat(fake.stats().closedCandlesSkipped()).isEqualTo(1);

        // when: handshakes refused
        fake.faults().refuseConnections(1);
        CompletableFuture<WebSocket> refused = http.newWebSocketBuilder()
                .buildAsync(URI.create(fake.streamUrl() + "/stream?streams=btcusdt@kline_1m"), new Collector());

        // then
        assertThat(refused).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .isInstanceOf(java.util.concurrent.ExecutionException.class);
        assertThat(fake.stats().streamConnectionsRefused()).isEqualTo(1);
    }

    @Test
    void unknownStreamsAreRefused() {
        // given
        fake = fakeAt(T0 + 10 * MINUTE).start();

        // when
        CompletableFuture<WebSocket> unknown = http.newWebSocketBuilder()
                .buildAsync(URI.create(fake.streamUrl() + "/stream?streams=dogeusdt@kline_1m"), new Collector());

        // then
        assertThat(unknown).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .withCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
        assertThat(CompletionException.class).isNotNull();
    }
}
