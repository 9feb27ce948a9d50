package io.trendline.localstack;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What {@link LocalStack} should start. An engine whose address is given ({@code postgresUrl},
 * {@code kafkaBootstrapServers}, {@code clickhouseUrl}) is used as it is and not started; the others run locally
 * with their data under {@code dataDir}, on the given ports (0 picks a free port).
 *
 * @param dataDir base directory; the engines use {@code postgres}, {@code kafka} and {@code clickhouse} below it
 * @param postgresUrl JDBC URL of an existing PostgreSQL, or null to start one
 * @param postgresUser user for {@code postgresUrl}
 * @param postgresPassword password for {@code postgresUrl}
 * @param postgresPort port of the local PostgreSQL
 * @param kafkaBootstrapServers bootstrap servers of an existing Kafka, or null to start one
 * @param kafkaPort client (PLAINTEXT) port of the local Kafka broker
 * @param kafkaControllerPort KRaft controller port of the local Kafka
 * @param clickhouseUrl JDBC (or HTTP) URL of an existing ClickHouse, or null to start one
 * @param clickhousePort HTTP port of the local ClickHouse
 */
public record LocalStackSettings(
        Path dataDir,
        String postgresUrl,
        String postgresUser,
        String postgresPassword,
        int postgresPort,
        String kafkaBootstrapServers,
        int kafkaPort,
        int kafkaControllerPort,
        String clickhouseUrl,
        int clickhousePort) {

    public static final Path DEFAULT_DATA_DIR = Path.of(".trendline", "data");
    public static final int DEFAULT_POSTGRES_PORT = 54329;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final int DEFAULT_CLICKHOUSE_PORT = 18123;

    /** Keys as system properties; the environment variable is the key upper-cased with '_' for '.' and '-'. */
    public static final String DATA_DIR = "trendline.data-dir";
    public static final String POSTGRES_URL = "trendline.postgres.url";
    public static final String POSTGRES_USER = "trendline.postgres.user";
    public static final String POSTGRES_PASSWORD = "trendline.postgres.password";
    public static final String POSTGRES_PORT = "trendline.postgres.port";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "trendline.kafka.bootstrap-servers";
    public static final String KAFKA_PORT = "trendline.kafka.port";
    public static final String KAFKA_CONTROLLER_PORT = "trendline.kafka.controller-port";
    public static final String CLICKHOUSE_URL = "trendline.clickhouse.url";
    public static final String CLICKHOUSE_PORT = "trendline.clickhouse.port";

    public LocalStackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        checkPort(postgresPort, "postgresPort");
        checkPort(kafkaPort, "kafkaPort");
        checkPort(kafkaControllerPort, "kafkaControllerPort");
        checkPort(clickhousePort, "clickhousePort");
        postgresUrl = blankToNull(postgresUrl);
        kafkaBootstrapServers = blankToNull(kafkaBootstrapServers);
        clickhouseUrl = blankToNull(clickhouseUrl);
    }

    /** Everything local, under {@code ./.trendline/data}, on the default ports. */
    public static LocalStackSettings defaults() {
        return new LocalStackSettings(DEFAULT_DATA_DIR, null, null, null, DEFAULT_POSTGRES_PORT,
                null, DEFAULT_KAFKA_PORT, DEFAULT_KAFKA_CONTROLLER_PORT, null, DEFAULT_CLICKHOUSE_PORT);
    }

    /** The defaults overridden by system properties, or else environment variables (see the key constants). */
    public static LocalStackSettings fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    static LocalStackSettings from(Map<String, String> env, Properties props) {
        LocalStackSettings d = defaults();
        Source src = new Source(env, props);
        return new LocalStackSettings(
                Path.of(src.get(DATA_DIR, d.dataDir().toString())),
                src.get(POSTGRES_URL, null),
                src.get(POSTGRES_USER, null),
                src.get(POSTGRES_PASSWORD, null),
                src.port(POSTGRES_PORT, d.postgresPort()),
                src.get(KAFKA_BOOTSTRAP_SERVERS, null),
                src.port(KAFKA_PORT, d.kafkaPort()),
                src.port(KAFKA_CONTROLLER_PORT, d.kafkaControllerPort()),
                src.get(CLICKHOUSE_URL, null),
                src.port(CLICKHOUSE_PORT, d.clickhousePort()));
    }

    public LocalStackSettings withDataDir(Path dir) {
        return new LocalStackSettings(dir, postgresUrl, postgresUser, postgresPassword, postgresPort,
                kafkaBootstrapServers, kafkaPort, kafkaControllerPort, clickhouseUrl, clickhousePort);
    }

    /** Use an existing PostgreSQL instead of starting one. */
    public LocalStackSettings withPostgres(String url, String user, String password) {
        return new LocalStackSettings(dataDir, url, user, password, postgresPort,
                kafkaBootstrapServers, kafkaPort, kafkaControllerPort, clickhouseUrl, clickhousePort);
    }

    /** Use an existing Kafka instead of starting one. */
    public LocalStackSettings withKafka(String bootstrapServers) {
        return new LocalStackSettings(dataDir, postgresUrl, postgresUser, postgresPassword, postgresPort,
                bootstrapServers, kafkaPort, kafkaControllerPort, clickhouseUrl, clickhousePort);
    }

    /** Use an existing ClickHouse instead of starting one. */
    public LocalStackSettings withClickhouse(String url) {
        return new LocalStackSettings(dataDir, postgresUrl, postgresUser, postgresPassword, postgresPort,
                kafkaBootstrapServers, kafkaPort, kafkaControllerPort, url, clickhousePort);
    }

    /** Ports of the local engines; 0 picks a free one. */
    public LocalStackSettings withPorts(int postgres, int kafka, int kafkaController, int clickhouse) {
        return new LocalStackSettings(dataDir, postgresUrl, postgresUser, postgresPassword, postgres,
                kafkaBootstrapServers, kafka, kafkaController, clickhouseUrl, clickhouse);
    }

    public Path postgresDir() {
        return dataDir.resolve("postgres");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path clickhouseDir() {
        return dataDir.resolve("clickhouse");
    }

    /** "key (env KEY)", for messages telling how to change a setting. */
    public static String describeKey(String key) {
        return "-D" + key + " (env " + envName(key) + ")";
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void checkPort(int port, String name) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be 0..65535, was " + port);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** System property first, then environment variable. */
    private record Source(Map<String, String> env, Properties props) {

        String get(String key, String fallback) {
            String value = props.getProperty(key);
            if (value == null || value.isBlank()) {
                value = env.get(envName(key));
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int port(String key, int fallback) {
            String value = get(key, null);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(describeKey(key) + " must be a port number, was '" + value + "'");
            }
        }
    }
}
