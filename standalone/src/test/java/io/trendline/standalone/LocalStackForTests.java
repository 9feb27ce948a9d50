package io.trendline.standalone;

import io.trendline.localstack.LocalStack;
import io.trendline.localstack.LocalStackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real PostgreSQL, Kafka and ClickHouse per test JVM, on free ports and a fresh directory. */
final class LocalStackForTests {

    private static LocalStack stack;

    private LocalStackForTests() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                var dir = Files.createTempDirectory("trendline-test-stack");
                stack = LocalStack.start(new LocalStackSettings(dir, null, null, null, 0, null, 0, 0, null, 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-stack-shutdown"));
        }
        return stack;
    }

    /**
     * The stack's addresses as the first property source; used by {@link StandaloneTest}, so every test class with
     * that annotation gets the same cache key and shares one application context.
     */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            LocalStack s = get();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-local-stack", Map.of(
                    "spring.datasource.url", s.postgresJdbcUrl(),
                    "spring.datasource.username", s.postgresUser(),
                    "spring.datasource.password", s.postgresPassword(),
                    "spring.kafka.bootstrap-servers", s.kafkaBootstrapServers(),
                    "trendline.clickhouse.url", s.clickhouseJdbcUrl(),
                    "trendline.data-dir", s.settings().dataDir().toAbsolutePath().toString())));
        }
    }

    static void register(DynamicPropertyRegistry registry) {
        LocalStack s = get();
        registry.add("spring.datasource.url", s::postgresJdbcUrl);
        registry.add("spring.datasource.username", s::postgresUser);
        registry.add("spring.datasource.password", s::postgresPassword);
        registry.add("spring.kafka.bootstrap-servers", s::kafkaBootstrapServers);
        registry.add("trendline.clickhouse.url", s::clickhouseJdbcUrl);
        registry.add("trendline.data-dir", () -> s.settings().dataDir().toAbsolutePath().toString());
    }
}
