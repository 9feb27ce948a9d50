package io.trendline.platform.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Versioned schema changes for ClickHouse: every {@code clickhouse/migration/V<version>__<description>.sql} on the
 * classpath is applied once, in version order, and recorded in {@code schema_migrations}. Each module ships its own
 * files (pick an unused major version); a service applies the files it has and ignores versions it does not know, as
 * Flyway does for PostgreSQL in the distributed profile.
 *
 * <p>Hand-written because Flyway's ClickHouse support (flyway-database-clickhouse) stopped at Flyway 10 and the old
 * clickhouse-jdbc 0.5, while this project runs Flyway 11 and clickhouse-jdbc 0.11. ClickHouse has neither
 * transactional DDL nor locks, so two services starting at once may both run a script: scripts must be idempotent
 * ({@code CREATE ... IF NOT EXISTS}), and a version recorded twice counts once.
 */
public final class ClickHouseMigrations {

    public static final String LOCATION = "classpath*:clickhouse/migration/V*__*.sql";
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseMigrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(\\w+)\\.sql");

    private final ClickHouse clickHouse;
    private final List<Migration> migrations;

    public ClickHouseMigrations(ClickHouse clickHouse, List<Migration> migrations) {
        this.clickHouse = clickHouse;
        this.migrations = migrations.stream().sorted(Comparator.comparing(Migration::version)).toList();
    }

    /** The migrations found on the classpath. */
    public static ClickHouseMigrations onClasspath(ClickHouse clickHouse) {
        return new ClickHouseMigrations(clickHouse, discover(new PathMatchingResourcePatternResolver(), LOCATION));
    }

    static List<Migration> discover(ResourcePatternResolver resolver, String location) {
        Map<MigrationVersion, Migration> byVersion = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources(location)) {
                Migration migration = Migration.of(resource);
                Migration other = byVersion.putIfAbsent(migration.version(), migration);
                if (other != null && other.checksum() != migration.checksum()) {
                    throw new IllegalStateException("Two different ClickHouse migrations have version "
                            + migration.version() + ": " + other.resource() + " and " + resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list ClickHouse migrations at " + location, e);
        }
        return List.copyOf(byVersion.values());
    }

    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * Applies what is not yet applied, waiting up to {@code wait} for ClickHouse to answer first.
     *
     * @return the versions applied now
     */
    public List<MigrationVersion> migrate(Duration wait) {
        awaitClickHouse(wait);
        clickHouse.jdbc().execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version String, description String, script String, checksum UInt32,
                    installed_on DateTime64(3, 'UTC') DEFAULT now64(3), execution_ms UInt32
                ) ENGINE = MergeTree ORDER BY version""");
        Map<String, Long> applied = new HashMap<>();
        clickHouse.jdbc().query("SELECT version, any(checksum) FROM schema_migrations GROUP BY version",
                row -> {
                    applied.put(row.getString(1), row.getLong(2));
                });
        List<MigrationVersion> done = new ArrayList<>();
        for (Migration migration : migrations) {
            Long checksum = applied.get(migration.version().toString());
            if (checksum != null) {
                if (checksum != migration.checksum()) {
                    throw new IllegalStateException("ClickHouse migration " + migration.resource()
                            + " was changed after it was applied (checksum " + checksum + " recorded, "
                            + migration.checksum() + " now); add a new version instead of editing it");
                }
                continue;
            }
            apply(migration);
            done.add(migration.version());
        }
        if (!done.isEmpty()) {
            LOG.info("ClickHouse schema migrated: applied {}", done);
        }
        return done;
    }

    private void apply(Migration migration) {
        long started = System.nanoTime();
        try (Connection connection = clickHouse.dataSource().getConnection()) {
            ScriptUtils.executeSqlScript(connection, new EncodedResource(migration.resource(), StandardCharsets.UTF_8));
        } catch (SQLException | DataAccessException e) {
            throw new IllegalStateException("ClickHouse migration " + migration.resource() + " failed: "
                    + e.getMessage(), e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        clickHouse.jdbc().update("INSERT INTO schema_migrations (version, description, script, checksum, "
                        + "execution_ms) VALUES (?, ?, ?, ?, ?)", migration.version().toString(),
                migration.description(), migration.resource().getFilename(), migration.checksum(), millis);
        LOG.info("Applied ClickHouse migration {} ({}) in {} ms", migration.version(), migration.description(),
                millis);
    }

    private void awaitClickHouse(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                clickHouse.jdbc().queryForObject("SELECT 1", Integer.class);
                return;
            } catch (DataAccessException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ClickHouse did not answer within " + wait
                            + " to apply the schema migrations: " + e.getMessage(), e);
                }
                LOG.info("Waiting for ClickHouse to apply the schema migrations: {}", e.getMessage());
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for ClickHouse", e);
        }
    }

    /** One script: its version from the file name, and a CRC32 of its content to notice later edits. */
    public record Migration(MigrationVersion version, String description, Resource resource, long checksum) {

        static Migration of(Resource resource) throws IOException {
            Matcher name = NAME.matcher(String.valueOf(resource.getFilename()));
            if (!name.matches()) {
                throw new IllegalStateException("ClickHouse migration " + resource
                        + " is not named V<version>__<description>.sql");
            }
            CRC32 crc = new CRC32();
            crc.update(resource.getContentAsByteArray());
            return new Migration(MigrationVersion.parse(name.group(1)), name.group(2).replace('_', ' '), resource,
                    crc.getValue());
        }
    }
}
