package io.trendline.ingestion.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.trendline.api.market.MarketTopics;
import io.trendline.ingestion.IngestionApplication;
import io.trendline.localstack.LocalStack;
import io.trendline.localstack.LocalStackSettings;
import io.trendline.platform.clickhouse.ClickHouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * {@code kafka-sink}: closed candles from Kafka into ClickHouse, sustained, with the sink as the ingestion service
 * runs it (its Spring context on the local stack: Kafka broker and chDB in this JVM, as in standalone mode). The
 * two real 1-minute files are produced {@code warm-up + copies} times under distinct symbols (Kline JSON as the
 * collector writes it, uncompressed) before the sink starts. The first {@code warm-up} copies are stored untimed, so
 * the JIT has compiled the sink's paths (on a cold JVM the compiler threads took more CPU than the sink itself); the
 * rate counts the rest, from the moment they were stored to the last row. The price-alert watcher, which reads the
 * same topic, is off: this measures the sink. stderr shows the CPU each thread of the process used meanwhile.
 */
public final class KafkaSinkBench {

    private KafkaSinkBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/klines");
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int warmupCopies = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Path dir = Files.createTempDirectory("trendline-bench-sink");
        try (LocalStack stack = LocalStack.start(LocalStackSettings.defaults().withDataDir(dir)
                .withPorts(0, 0, 0, 0))) {
            List<String> lines = new ArrayList<>();
            lines.addAll(read(data.resolve("BTCUSDT-1m-2025-05-20_2025-08-18.csv.gz")));
            lines.addAll(read(data.resolve("ETHUSDT-1m-2025-05-20_2025-08-18.csv.gz")));
            long total = produce(stack, lines, warmupCopies + copies);
            long warmup = (long) warmupCopies * lines.size();
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestionApplication.class)
                    .profiles("ingestion").run("--spring.datasource.url=" + stack.postgresJdbcUrl(),
                            "--spring.datasource.username=" + stack.postgresUser(),
                            "--spring.datasource.password=" + stack.postgresPassword(),
                            "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                            "--trendline.clickhouse.url=" + stack.clickhouseJdbcUrl(),
                            "--trendline.market.sink.auto-startup=false",
                            "--trendline.ingestion.binance.enabled=false",
                            "--trendline.market.alerts.enabled=false",
                            "--trendline.market.sink.concurrency=" + concurrency,
                            "--server.port=0",
                            "--logging.level.root=WARN")) {
                MeterRegistry meters = context.getBean(MeterRegistry.class);
                context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("kline-sink").start();
                Map<String, Long> cpuBefore = Map.of();
                Timer inserts = meters.timer("trendline.market.sink.insert");
                double insertSecondsBefore = 0;
                long insertsBefore = 0;
                long deadline = System.nanoTime() + 300_000_000_000L;
                double firstAt = 0;
                double firstRows = 0;
                while (true) {
                    double stored = meters.counter("trendline.market.sink.rows", "outcome", "stored").count();
                    double now = System.nanoTime() / 1e9;
                    if (firstAt == 0 && stored >= warmup && stored > 0) {
                        firstAt = now;
                        firstRows = stored;
                        cpuBefore = threadCpu();
                        insertSecondsBefore = inserts.totalTime(TimeUnit.SECONDS);
                        insertsBefore = inserts.count();
                    }
                    if (stored >= total) {
                        double rate = (stored - firstRows) / (now - firstAt);
                        long distinct = context.getBean(ClickHouse.class).jdbc().queryForObject(
                                "SELECT count() FROM klines_1m FINAL", Long.class);
                        System.err.printf("stored %.0f rows (%d distinct minutes), %.0f of them timed, in %.2f s%n",
                                stored, distinct, stored - firstRows, now - firstAt);
                        if (distinct != total) {
                            throw new IllegalStateException("expected " + total + " candles, found " + distinct);
                        }
                        System.err.printf("of which inserting into ClickHouse: %.2f s in %d inserts%n",
                                inserts.totalTime(TimeUnit.SECONDS) - insertSecondsBefore,
                                inserts.count() - insertsBefore);
                        printCpu(cpuBefore, threadCpu());
                        context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("kline-sink")
                                .metrics().values().forEach(metrics -> metrics.forEach((name, metric) -> {
                                    if (List.of("fetch-latency-avg", "fetch-latency-max", "commit-latency-avg",
                                            "commit-latency-max", "fetch-size-avg", "records-per-request-avg",
                                            "fetch-total", "commit-total", "io-wait-time-ns-total",
                                            "io-time-ns-total").contains(name.name())
                                            && name.tags().get("topic") == null) {
                                        System.err.printf("  consumer %s = %s%n", name.name(), metric.metricValue());
                                    }
                                }));
                        System.out.printf("kafka-sink %.0f rows/s%n", rate);
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        double dead = meters.counter("trendline.market.sink.rows", "outcome", "dead-letter").count();
                        throw new IllegalStateException("only " + stored + " of " + total + " stored after 300 s ("
                                + dead + " dead letters)");
                    }
                    Thread.sleep(5);
                }
            }
        }
    }

    /** CPU seconds (user + system) of this process's threads by name, from /proc: Java's, Kafka's and chDB's. */
    private static Map<String, Long> threadCpu() {
        Map<String, Long> ticks = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "N");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    private static void printCpu(Map<String, Long> before, Map<String, Long> after) {
        List<Map.Entry<String, Long>> used = new ArrayList<>();
        after.forEach((name, t) -> used.add(Map.entry(name, t - before.getOrDefault(name, 0L))));
        used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        long total = used.stream().mapToLong(Map.Entry::getValue).sum();
        System.err.printf("CPU of the process while the sink ran: %.2f s; by thread:%n", total / 100.0);
        used.stream().limit(15).forEach(e -> System.err.printf("  %6.2f s  %s%n", e.getValue() / 100.0, e.getKey()));
    }

    private static List<String> read(Path file) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Each line as the Kline JSON the collector produces, under symbols S0.., keyed by symbol. */
    private static long produce(LocalStack stack, List<String> lines, int copies) throws Exception {
        long started = System.nanoTime();
        long count = 0;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                stack.kafkaBootstrapServers(), "acks", "all", "linger.ms", 20, "batch.size", 1 << 20),
                new StringSerializer(), new StringSerializer())) {
            for (int copy = 0; copy < copies; copy++) {
                for (int i = 0; i < lines.size(); i++) {
                    String[] f = lines.get(i).split(",");
                    String symbol = (i < lines.size() / 2 ? "BTC" : "ETH") + "USDT" + copy;
                    String json = "{\"symbol\":\"" + symbol + "\",\"interval\":\"1m\",\"openTime\":" + f[0]
                            + ",\"closeTime\":" + f[6] + ",\"open\":" + f[1] + ",\"high\":" + f[2] + ",\"low\":"
                            + f[3] + ",\"close\":" + f[4] + ",\"volume\":" + f[5] + ",\"quoteVolume\":" + f[5]
                            + ",\"trades\":" + (i % 1000) + ",\"takerBuyBaseVolume\":" + f[5]
                            + ",\"takerBuyQuoteVolume\":" + f[5] + ",\"closed\":true}";
                    producer.send(new ProducerRecord<>(MarketTopics.KLINE_1M, symbol, json));
                    count++;
                }
            }
            producer.flush();
        }
        System.err.printf("produced %d candles in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        return count;
    }
}
