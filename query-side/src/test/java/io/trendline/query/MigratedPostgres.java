package io.trendline.query;

import io.trendline.localstack.postgres.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL (the local stack's) with the platform's Flyway migrations, for the projection tests: one server
 * per test class, in a directory of its own that is removed afterwards. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class MigratedPostgres implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private LocalPostgres postgres;
    private JdbcTemplate jdbc;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("trendline-projection-test");
        postgres = LocalPostgres.start(dir, 0);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), postgres.user(),
                postgres.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        postgres.close();
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
