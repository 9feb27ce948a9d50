package io.trendline.localstack.kafka;

import io.trendline.localstack.LocalStackSettings;
import io.trendline.localstack.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), running in this JVM, listening on
 * 127.0.0.1. Its logs live in {@code <dir>/logs} and survive restarts; the storage is formatted once, on the first
 * start, and keeps its cluster id.
 */
public final class LocalKafka implements AutoCloseable {

    public static final int DEFAULT_PORT = LocalStackSettings.DEFAULT_KAFKA_PORT;
    public static final int DEFAULT_CONTROLLER_PORT = LocalStackSettings.DEFAULT_KAFKA_CONTROLLER_PORT;
    public static final int DEFAULT_PARTITIONS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final Set<Path> RUNNING_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalKafka(KafkaRaftServer server, Path logDir, int port, int controllerPort, String clusterId) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
    }

    /** Starts Kafka with its files under {@code dir}; ports 0 pick free ones. */
    public static LocalKafka start(Path dir, int port, int controllerPort) {
        return start(dir, port, controllerPort, Map.of());
    }

    /**
     * Starts Kafka with its files under {@code dir}; ports 0 pick free ones.
     *
     * @param overrides broker settings ({@code server.properties} keys) applied over the defaults
     */
    public static LocalKafka start(Path dir, int port, int controllerPort, Map<String, String> overrides) {
        Path home = dir.toAbsolutePath().normalize();
        Path logDir = home.resolve("logs");
        if (!RUNNING_IN_THIS_JVM.add(logDir)) {
            throw new IllegalStateException("A LocalKafka on " + logDir + " is already running in this JVM");
        }
        try {
            return start(home, logDir, port, controllerPort, overrides);
        } catch (RuntimeException | Error e) {
            RUNNING_IN_THIS_JVM.remove(logDir);
            throw e;
        }
    }

    private static LocalKafka start(Path home, Path logDir, int requestedPort, int requestedControllerPort,
                                    Map<String, String> overrides) {
        long started = System.nanoTime();
        KafkaLogLevels.quietBroker();
        createDirectories(logDir);
        // Kafka could bind port 0 itself, but the controller's port must be known up front for the quorum voters.
        int port = Ports.resolve(requestedPort, "Kafka broker", LocalStackSettings.KAFKA_PORT);
        int controllerPort = Ports.resolve(requestedControllerPort, "Kafka controller",
                LocalStackSettings.KAFKA_CONTROLLER_PORT);
        if (port == controllerPort) {
            throw new IllegalArgumentException("Kafka broker and controller ports must differ, both are " + port);
        }
        Properties props = serverProperties(logDir, port, controllerPort);
        props.putAll(overrides);
        Path propsFile = home.resolve("server.properties");
        writeProperties(props, propsFile);
        String clusterId = formatIfNeeded(logDir, propsFile);

        KafkaRaftServer server = null;
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            if (server != null) {
                shutdown(server);
            }
            throw new IllegalStateException("Kafka did not start on 127.0.0.1:" + port + " with logs in " + logDir
                    + ": " + e.getMessage(), e);
        }
        LocalKafka kafka = new LocalKafka(server, logDir, port, controllerPort, clusterId);
        LOG.info("Kafka ready at {} in {} ms (cluster {}, logs {})", kafka.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, clusterId, logDir);
        return kafka;
    }

    private static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", Integer.toString(DEFAULT_PARTITIONS));
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        // Internal topics with Kafka's default 50 partitions each make the first consumer group or transaction slow.
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        // One member per group locally: no point waiting 3 s for more before the first rebalance.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a kill -9 the controller keeps the dead broker's registration until its session expires (9 s by
        // default) and refuses the new one meanwhile; broker and controller share this JVM, so a short session is safe.
        p.setProperty("broker.heartbeat.interval.ms", "500");
        p.setProperty("broker.session.timeout.ms", "3000");
        // Sized for a developer machine rather than a production broker.
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("background.threads", "4");
        p.setProperty("log.cleaner.threads", "1");
        p.setProperty("num.recovery.threads.per.data.dir", "2");
        return p;
    }

    /** Formats the log directory as {@code kafka-storage.sh format} does, unless an earlier run already did. */
    private static String formatIfNeeded(Path logDir, Path propsFile) {
        Path meta = logDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            return readClusterId(meta);
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                "format", "--config", propsFile.toString(), "--cluster-id", clusterId, "--ignore-formatted"}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir + ": " + output);
        }
        LOG.info("Formatted Kafka storage in {} for new cluster {}", logDir, clusterId);
        return readClusterId(meta);
    }

    private static String readClusterId(Path meta) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(meta)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        return p.getProperty("cluster.id");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public String clusterId() {
        return clusterId;
    }

    /** The Kafka log directory ({@code <dir>/logs}). */
    public Path logDirectory() {
        return logDir;
    }

    /** Controlled shutdown: logs are flushed and marked clean, so the next start skips recovery. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        shutdown(server);
        RUNNING_IN_THIS_JVM.remove(logDir);
        LOG.info("Kafka on port {} stopped in {} ms", port, (System.nanoTime() - started) / 1_000_000);
    }

    private static void shutdown(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka did not shut down cleanly", e);
        }
    }

    private static void writeProperties(Properties props, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "Generated by LocalKafka on every start; edits are overwritten");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
