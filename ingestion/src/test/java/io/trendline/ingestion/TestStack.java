package io.trendline.ingestion;

import io.trendline.localstack.LocalStack;
import io.trendline.localstack.LocalStackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL, Kafka and ClickHouse per test JVM (one chDB data directory), on free ports. */
public final class TestStack {

    private static LocalStack stack;

    private TestStack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            try {
                var dir = Files.createTempDirectory("trendline-ingestion-test");
                stack = LocalStack.start(new LocalStackSettings(dir, null, null, null, 0, null, 0, 0, null, 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-stack-shutdown"));
        }
        return stack;
    }

    public static void register(DynamicPropertyRegistry registry) {
        LocalStack s = get();
        registry.add("spring.datasource.url", s::postgresJdbcUrl);
        registry.add("spring.datasource.username", s::postgresUser);
        registry.add("spring.datasource.password", s::postgresPassword);
        registry.add("spring.kafka.bootstrap-servers", s::kafkaBootstrapServers);
        registry.add("trendline.clickhouse.url", s::clickhouseJdbcUrl);
    }
}
