package io.trendline.localstack;

/**
 * Runs the local engines alone, configured like the standalone mode (system properties, else environment variables;
 * see {@link LocalStackSettings}), prints their addresses and runs until stopped; Ctrl-C or SIGTERM stop it cleanly.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment();
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        System.out.printf("Local stack ready in %d ms, data in %s%n", (System.nanoTime() - started) / 1_000_000,
                settings.dataDir().toAbsolutePath().normalize());
        System.out.printf("  PostgreSQL  %s  user %s  password %s%n",
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        System.out.printf("  Kafka       %s%n", stack.kafkaBootstrapServers());
        System.out.printf("  ClickHouse  %s%n", stack.clickhouseJdbcUrl());
        System.out.println("Ctrl-C stops it.");
        System.out.flush();
        Thread.currentThread().join();
    }
}
