package io.trendline.ingestion.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import io.trendline.ingestion.IngestionApplication;
import io.trendline.ingestion.Klines;
import io.trendline.ingestion.TestStack;
import io.trendline.ingestion.testing.SharedData;
import io.trendline.localstack.LocalStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 of the sink's process in the middle of an import, then a fresh start: ClickHouse must end with every
 * candle once. The sink runs as the ingestion service in a JVM of its own on this JVM's stack, reading a topic and
 * consumer group of its own, so no other test's sink can make up for what it would lose.
 */
class SinkKillAndRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String symbol = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    private final String topic = "kill-test-" + symbol;
    private Process sink;

    @AfterEach
    void stopSink() {
        if (sink != null) {
            sink.destroyForcibly();
        }
    }

    /** The real 2025 BTCUSDT minutes (OHLCV only, as the 7-column file has them), else 40,000 generated ones. */
    private List<Kline> candles() {
        return SharedData.fileOrFailInCi("klines/BTCUSDT-1m-2025-05-20_2025-08-18.csv.gz").map(file -> {
            List<Kline> klines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                in.readLine();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split(",");
                    klines.add(new Kline(symbol, "1m", Long.parseLong(f[0]), Long.parseLong(f[6]),
                            new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]), new BigDecimal(f[4]),
                            new BigDecimal(f[5]), null, 0, null, null, true));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return klines;
        }).orElseGet(() -> IntStream.range(0, 40_000).mapToObj(i -> Klines.minute(symbol, i)).toList());
    }

    private void produce(List<Kline> klines) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                TestStack.get().kafkaBootstrapServers(), "acks", "all", "enable.idempotence", true),
                new StringSerializer(), new StringSerializer())) {
            for (Kline k : klines) {
                producer.send(new ProducerRecord<>(topic, symbol, JSON.writeValueAsString(k)));
            }
            producer.flush();
        }
    }

    /** The ingestion service with only its sink, as {@code java -cp <test classpath>}, small polls. */
    private Process startSink(int run) throws IOException {
        LocalStack stack = TestStack.get();
        Path log = Path.of("target", "kill-test-sink-" + run + ".log");
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), IngestionApplication.class.getName(),
                "--spring.datasource.url=" + stack.postgresJdbcUrl(),
                "--spring.datasource.username=" + stack.postgresUser(),
                "--spring.datasource.password=" + stack.postgresPassword(),
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--trendline.clickhouse.url=" + stack.clickhouseJdbcUrl(),
                "--trendline.ingestion.binance.enabled=false",
                "--trendline.market.sink.topic=" + topic,
                "--trendline.market.sink.group-id=" + topic,
                "--trendline.market.sink.max-poll-records=2000",
                "--server.port=0");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private long stored(String select) {
        try (Connection c = DriverManager.getConnection(TestStack.get().clickhouseJdbcUrl());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(select + " FROM klines_1m FINAL WHERE symbol = '" + symbol + "'")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            return -1; // the table is made by the first service to start
        }
    }

    @Test
    void aSinkKilledMidImportAndStartedAgainStoresEveryCandleOnce() throws Exception {
        // given: the first 40 % of the candles on the topic and a sink storing them
        List<Kline> klines = candles();
        int n = klines.size();
        int firstPart = n * 2 / 5;
        produce(klines.subList(0, firstPart));
        sink = startSink(1);

        // when: it is killed as soon as it has stored a tenth, and the rest arrives while it is down
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5)).until(() -> {
            assertThat(sink.isAlive()).as("sink process (log in target/kill-test-sink-1.log)").isTrue();
            return stored("SELECT count()") >= n / 10;
        });
        sink.destroyForcibly().waitFor();
        long storedAtKill = stored("SELECT count()");
        produce(klines.subList(firstPart, n));
        sink = startSink(2);

        // then
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(sink.isAlive()).as("sink process (log in target/kill-test-sink-2.log)").isTrue();
            return stored("SELECT count()") >= n;
        });
        System.err.printf("kill-and-restart: %d of %d candles stored when killed%n", storedAtKill, n);
        assertThat(storedAtKill).isLessThan(n);
        assertThat(stored("SELECT count()")).isEqualTo(n);
        assertThat(stored("SELECT uniqExact(open_time)")).isEqualTo(n);
        assertThat(stored("SELECT min(toUnixTimestamp64Milli(open_time))")).isEqualTo(klines.get(0).openTime());
        assertThat(stored("SELECT max(toUnixTimestamp64Milli(open_time))")).isEqualTo(klines.get(n - 1).openTime());
        BigDecimal volume = klines.stream().map(Kline::volume).reduce(BigDecimal.ZERO, BigDecimal::add);
        try (Connection c = DriverManager.getConnection(TestStack.get().clickhouseJdbcUrl());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT sum(volume), sum(close) FROM klines_1m FINAL WHERE symbol = '"
                     + symbol + "'")) {
            r.next();
            assertThat(r.getBigDecimal(1)).isEqualByComparingTo(volume);
            assertThat(r.getBigDecimal(2)).isEqualByComparingTo(klines.stream().map(Kline::close)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }
}
