package io.trendline.platform.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.localstack.clickhouse.ChdbHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The migration runner on the real ClickHouse engine (chDB behind the local HTTP front end). */
class ClickHouseMigrationsTest {

    @TempDir
    static Path dir;

    private static ChdbHttpServer server;
    private static ClickHouse clickHouse;

    @BeforeAll
    static void start() {
        server = ChdbHttpServer.start(dir, 0);
        clickHouse = new ClickHouse(server.jdbcUrl(), 2);
    }

    @AfterAll
    static void stop() {
        clickHouse.close();
        server.close();
    }

    @BeforeEach
    void emptyDatabase() {
        for (String table : List.of("schema_migrations", "notes", "first_marker", "klines_1m")) {
            clickHouse.jdbc().execute("DROP TABLE IF EXISTS " + table);
        }
    }

    private static ClickHouseMigrations from(String folder) {
        return new ClickHouseMigrations(clickHouse, ClickHouseMigrations.discover(
                new PathMatchingResourcePatternResolver(), "classpath*:clickhouse-test/" + folder + "/V*__*.sql"));
    }

    @Test
    void migrationsRunInNumericVersionOrderWithEveryStatementOfAFile() {
        List<MigrationVersion> applied = from("ordered").migrate(Duration.ofSeconds(5));

        assertThat(applied).extracting(MigrationVersion::toString).containsExactly("1.1", "1.2", "1.10");
        assertThat(clickHouse.jdbc().queryForList("SELECT text FROM notes ORDER BY id", String.class))
                .containsExactly("second; with a semicolon in a string", "third after 1");
        assertThat(clickHouse.jdbc().queryForList("SELECT script FROM schema_migrations ORDER BY installed_on, "
                + "version", String.class)).containsExactlyInAnyOrder("V1_1__first.sql", "V1_2__create_notes.sql",
                "V1_10__third.sql");
    }

    @Test
    void aSecondRunAppliesNothingAndChangesNothing() {
        from("ordered").migrate(Duration.ofSeconds(5));

        List<MigrationVersion> again = from("ordered").migrate(Duration.ofSeconds(5));

        assertThat(again).isEmpty();
        assertThat(clickHouse.jdbc().queryForObject("SELECT count() FROM notes", Long.class)).isEqualTo(2);
        assertThat(clickHouse.jdbc().queryForObject("SELECT count() FROM schema_migrations", Long.class))
                .isEqualTo(3);
    }

    @Test
    void aMigrationEditedAfterItWasAppliedStopsTheRun() {
        from("ordered").migrate(Duration.ofSeconds(5));

        assertThatThrownBy(() -> from("changed").migrate(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V1_1__first.sql").hasMessageContaining("was changed after it was applied");
    }

    @Test
    void theClasspathMigrationsCreateTheCandleTable() {
        ClickHouseMigrations migrations = ClickHouseMigrations.onClasspath(clickHouse);

        migrations.migrate(Duration.ofSeconds(5));

        assertThat(migrations.migrations()).extracting(m -> m.version().toString()).contains("1.0");
        assertThat(clickHouse.jdbc().queryForObject("SELECT engine FROM system.tables WHERE name = 'klines_1m'",
                String.class)).isEqualTo("ReplacingMergeTree");
    }

    @Test
    void anUnreachableClickHouseFailsAfterTheWaitWithTheReason() {
        try (ClickHouse nowhere = new ClickHouse("jdbc:clickhouse:http://127.0.0.1:9/default?compress=false", 1)) {
            ClickHouseMigrations migrations = new ClickHouseMigrations(nowhere, List.of());

            assertThatThrownBy(() -> migrations.migrate(Duration.ZERO))
                    .hasMessageContaining("ClickHouse did not answer within PT0S");
        }
    }
}
