package io.trendline.standalone;

import io.trendline.localstack.LocalStack;
import io.trendline.localstack.LocalStackSettings;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.MapPropertySource;

/**
 * Every module in one JVM, on PostgreSQL, Kafka and ClickHouse that it starts itself unless their addresses are
 * given. The service applications of the distributed mode are left out of the scan: their packages are scanned here
 * directly.
 */
@SpringBootApplication
@ComponentScan(basePackages = "io.trendline", excludeFilters = @ComponentScan.Filter(
        type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
public class TrendlineStandaloneApplication {

    private static final Logger log = LoggerFactory.getLogger(TrendlineStandaloneApplication.class);

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        LocalStack stack = LocalStack.start(LocalStackSettings.fromEnvironment());
        ConfigurableApplicationContext context;
        try {
            context = run(stack, args);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        // One hook, in order: the application first (its processors still write), then the engines under it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stack.close();
        }, "trendline-shutdown"));
        log.info("Trendline is up at http://localhost:{}", context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts the application on the given stack; the caller owns both and closes the context before the stack. */
    public static ConfigurableApplicationContext run(LocalStack stack, String... args) {
        SpringApplication app = new SpringApplication(TrendlineStandaloneApplication.class);
        app.setRegisterShutdownHook(false);
        Map<String, Object> addresses = Map.of(
                "spring.datasource.url", stack.postgresJdbcUrl(),
                "spring.datasource.username", stack.postgresUser(),
                "spring.datasource.password", stack.postgresPassword(),
                "spring.kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
                "trendline.clickhouse.url", stack.clickhouseJdbcUrl(),
                "trendline.data-dir", stack.settings().dataDir().toAbsolutePath().toString());
        // First in line: the stack was built from the same settings, so its addresses are the ones to use.
        app.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("local-stack", addresses)));
        return app.run(args);
    }
}
