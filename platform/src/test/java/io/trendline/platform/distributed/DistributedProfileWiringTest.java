package io.trendline.platform.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.trendline.localstack.postgres.LocalPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import org.axonframework.actuator.axonserver.AxonServerHealthIndicator;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code distributed} profile as compose.yaml runs it, with no Axon Server reachable (none can be downloaded to
 * the build machines): the context must still start, with Axon Server's buses and event store in place, while
 * tokens stay in the real PostgreSQL.
 */
class DistributedProfileWiringTest {

    @Test
    void distributedProfileRoutesMessagesThroughAxonServer(@TempDir Path dir) throws IOException {
        String unreachable = "127.0.0.1:" + unusedPort();
        try (LocalPostgres postgres = LocalPostgres.start(dir, 0)) {
            long started = System.nanoTime();
            try (ConfigurableApplicationContext context = startDistributed(postgres,
                    "--axon.axonserver.servers=" + unreachable)) {
                long startupMillis = (System.nanoTime() - started) / 1_000_000;
                assertAxonServerWiring(context, unreachable);
                // Axon Server's connector retries in the background: start-up does not wait for it.
                assertThat(startupMillis).isLessThan(30_000);
            }
        }
    }

    private static void assertAxonServerWiring(ConfigurableApplicationContext context, String servers) {
        Configuration axon = context.getBean(Configuration.class);

        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(axon.eventStore()).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBeanNamesForType(EventStorageEngine.class)).isEmpty();
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(axon.commandBus()).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(axon.queryBus()).isInstanceOf(AxonServerQueryBus.class);

        assertThat(axon.serializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.eventSerializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.messageSerializer()).isInstanceOf(JacksonSerializer.class);

        AxonServerConfiguration server = context.getBean(AxonServerConfiguration.class);
        assertThat(server.getServers()).isEqualTo(servers);
        assertThat(server.getContext()).isEqualTo("default");
        assertThat(server.getComponentName()).isEqualTo(context.getEnvironment().getProperty(
                "spring.application.name"));

        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry", Integer.class)).isZero();

        // The compose healthcheck reads this: a service without its Axon Server is not healthy.
        assertThat(context.getBean(AxonServerHealthIndicator.class).health().getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void servicesMigrateTheSharedDatabaseWhicheverStartsFirst(@TempDir Path dir) throws IOException {
        try (LocalPostgres postgres = LocalPostgres.start(dir, 0)) {
            // given another service has applied a module's script that this service does not have
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.user(), postgres.password())
                    .locations("classpath:db/migration", "classpath:db/other-service").load().migrate();

            // when this service starts with scripts of its own on either side of that one
            try (ConfigurableApplicationContext context = startDistributed(postgres,
                    "--axon.axonserver.servers=127.0.0.1:" + unusedPort(),
                    "--spring.flyway.locations=classpath:db/migration,classpath:db/this-service")) {

                // then it applies its own and keeps the other's
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY "
                        + "installed_rank", String.class)).containsExactly("1.0", "3.0", "2.0", "4.0");
            }
        }
    }

    private static ConfigurableApplicationContext startDistributed(LocalPostgres postgres, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--spring.datasource.url=" + postgres.jdbcUrl();
        all[args.length + 1] = "--spring.datasource.username=" + postgres.user();
        all[args.length + 2] = "--spring.datasource.password=" + postgres.password();
        // No ClickHouse here: its schema migrations would wait for one.
        all[args.length + 3] = "--trendline.clickhouse.migrate=false";
        // As arguments: the builder's own properties would rank below every configuration file.
        return new SpringApplicationBuilder(App.class).profiles("distributed").run(all);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}
