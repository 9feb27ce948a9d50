package io.trendline.platform.clickhouse;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics store, reached through clickhouse-jdbc. Deliberately not a {@code DataSource} bean: that would make
 * Spring Boot step back from configuring PostgreSQL, which stays the primary database.
 */
public class ClickHouse implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;

    public ClickHouse(String jdbcUrl, int poolSize) {
        dataSource = new HikariDataSource();
        dataSource.setPoolName("clickhouse");
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setMinimumIdle(0);
        // Don't fail start-up when ClickHouse is late; the health endpoint says so until it answers.
        dataSource.setInitializationFailTimeout(-1);
        jdbc = new JdbcTemplate(dataSource);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
