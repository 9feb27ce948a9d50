package io.trendline.platform.clickhouse;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@ConditionalOnProperty("trendline.clickhouse.url")
public class ClickHouseConfiguration {

    @Bean(destroyMethod = "close")
    public ClickHouse clickHouse(@Value("${trendline.clickhouse.url}") String url,
                                 @Value("${trendline.clickhouse.pool-size:8}") int poolSize) {
        return new ClickHouse(url, poolSize);
    }

    /**
     * Brings the schema up to date while the context starts, so that listeners and query handlers, which start
     * after every bean exists, find their tables.
     */
    @Bean
    @ConditionalOnProperty(name = "trendline.clickhouse.migrate", matchIfMissing = true)
    public ClickHouseMigrations clickHouseMigrations(ClickHouse clickHouse,
            @Value("${trendline.clickhouse.migrate-wait:60s}") Duration wait) {
        ClickHouseMigrations migrations = ClickHouseMigrations.onClasspath(clickHouse);
        migrations.migrate(wait);
        return migrations;
    }

    @Bean
    public HealthIndicator clickhouseHealthIndicator(ClickHouse clickHouse) {
        return () -> {
            try {
                String version = clickHouse.jdbc().queryForObject("SELECT version()", String.class);
                return Health.up().withDetail("version", version).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getMessage()).build();
            }
        };
    }
}
