package io.trendline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path dir;

    @Test
    void startsPostgresAndKafkaUnderTheDataDirectoryAndPassesTheGivenClickHouseThrough() throws Exception {
        LocalStackSettings settings = LocalStackSettings.defaults().withDataDir(dir).withPorts(0, 0, 0, 0)
                .withClickhouse("http://127.0.0.1:8123");
        try (LocalStack stack = LocalStack.start(settings)) {
            try (Connection c = DriverManager.getConnection(stack.postgresJdbcUrl(), stack.postgresUser(),
                    stack.postgresPassword()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("trendline");
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("stack-check", 1, (short) 1))).all().get();
                assertThat(admin.listTopics().names().get()).contains("stack-check");
            }
            assertThat(stack.clickhouseJdbcUrl()).isEqualTo("jdbc:clickhouse:http://127.0.0.1:8123");
        }
        assertThat(dir.resolve("postgres/pgdata/PG_VERSION")).exists();
        assertThat(dir.resolve("kafka/logs/meta.properties")).exists();
        assertThat(dir.resolve("clickhouse")).doesNotExist();
    }

    @Test
    void givenAddressesAreUsedWithoutStartingAnything() {
        LocalStackSettings settings = LocalStackSettings.defaults().withDataDir(dir)
                .withPostgres("jdbc:postgresql://db:5432/trendline", "app", "secret")
                .withKafka("broker:9092")
                .withClickhouse("jdbc:clickhouse://olap:8123/default");
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.postgresJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/trendline");
            assertThat(stack.postgresUser()).isEqualTo("app");
            assertThat(stack.postgresPassword()).isEqualTo("secret");
            assertThat(stack.kafkaBootstrapServers()).isEqualTo("broker:9092");
            assertThat(stack.clickhouseJdbcUrl()).isEqualTo("jdbc:clickhouse://olap:8123/default");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anEngineThatCannotStartStopsTheOthersAndNamesThePort() throws Exception {
        int postgresPort = Ports.freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStackSettings settings = LocalStackSettings.defaults().withDataDir(dir)
                    .withPorts(postgresPort, taken.getLocalPort(), 0, 0).withClickhouse("http://127.0.0.1:8123");
            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("TRENDLINE_KAFKA_PORT");
        }
        // PostgreSQL came up in parallel and was stopped again: its port is free, its data directory unlocked.
        assertThat(Ports.resolve(postgresPort, "PostgreSQL", LocalStackSettings.POSTGRES_PORT)).isEqualTo(postgresPort);
        assertThat(dir.resolve("postgres/pgdata/postmaster.pid")).doesNotExist();
    }

    @Test
    void startsAllThreeEngines() throws Exception {
        LocalStackSettings settings = LocalStackSettings.defaults().withDataDir(dir).withPorts(0, 0, 0, 0);
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.clickhouseJdbcUrl()).startsWith("jdbc:");
            assertThat(stack.postgresJdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
            assertThat(stack.kafkaBootstrapServers()).startsWith("127.0.0.1:");
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .containsAll(Set.of("postgres", "kafka", "clickhouse"));
    }
}
