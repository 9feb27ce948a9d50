package io.trendline.localstack;

import io.trendline.localstack.clickhouse.ChdbHttpServer;
import io.trendline.localstack.kafka.LocalKafka;
import io.trendline.localstack.postgres.LocalPostgres;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, Kafka and ClickHouse for the standalone mode: each one either given by address in the settings or
 * started here, in parallel, with its data under the settings' data directory. No shutdown hook is registered; the
 * caller closes the stack (after whatever uses it).
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final LocalStackSettings settings;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final ChdbHttpServer clickhouse;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalStack(LocalStackSettings settings, LocalPostgres postgres, LocalKafka kafka,
                       ChdbHttpServer clickhouse) {
        this.settings = settings;
        this.postgres = postgres;
        this.kafka = kafka;
        this.clickhouse = clickhouse;
    }

    /** Starts the engines the settings do not give by address; on failure, stops those already started. */
    public static LocalStack start(LocalStackSettings settings) {
        long started = System.nanoTime();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3, task -> {
            Thread thread = new Thread(task, "local-stack-start-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<LocalPostgres> postgres = settings.postgresUrl() != null ? null : pool.submit(
                    () -> LocalPostgres.start(settings.postgresDir(), settings.postgresPort()));
            Future<LocalKafka> kafka = settings.kafkaBootstrapServers() != null ? null : pool.submit(
                    () -> LocalKafka.start(settings.kafkaDir(), settings.kafkaPort(), settings.kafkaControllerPort()));
            Future<ChdbHttpServer> clickhouse = settings.clickhouseUrl() != null ? null : pool.submit(
                    () -> ChdbHttpServer.start(settings.clickhouseDir(), settings.clickhousePort()));

            // Wait for all three before deciding, so that nothing is left running behind a failure.
            Outcome<LocalPostgres> pg = Outcome.of(postgres);
            Outcome<LocalKafka> kf = Outcome.of(kafka);
            Outcome<ChdbHttpServer> ch = Outcome.of(clickhouse);
            RuntimeException failure = Outcome.firstFailure(pg, kf, ch);
            if (failure != null) {
                closeAll(ch.value, kf.value, pg.value);
                throw failure;
            }
            LocalStack stack = new LocalStack(settings, pg.value, kf.value, ch.value);
            LOG.info("Local stack ready in {} ms: PostgreSQL {}, Kafka {}, ClickHouse {}",
                    (System.nanoTime() - started) / 1_000_000, stack.postgresJdbcUrl(),
                    stack.kafkaBootstrapServers(), stack.clickhouseJdbcUrl());
            return stack;
        } finally {
            pool.shutdown();
        }
    }

    public String postgresJdbcUrl() {
        return postgres != null ? postgres.jdbcUrl() : settings.postgresUrl();
    }

    public String postgresUser() {
        return postgres != null ? postgres.user() : settings.postgresUser();
    }

    public String postgresPassword() {
        return postgres != null ? postgres.password() : settings.postgresPassword();
    }

    public String kafkaBootstrapServers() {
        return kafka != null ? kafka.bootstrapServers() : settings.kafkaBootstrapServers();
    }

    /** A JDBC URL; a given HTTP address is turned into one ({@code jdbc:clickhouse:http://...}). */
    public String clickhouseJdbcUrl() {
        if (clickhouse != null) {
            return clickhouse.jdbcUrl();
        }
        String url = settings.clickhouseUrl();
        return url.startsWith("http://") || url.startsWith("https://") ? "jdbc:clickhouse:" + url : url;
    }

    public LocalStackSettings settings() {
        return settings;
    }

    /** Stops the engines started here, in reverse order of dependence: ClickHouse, Kafka, PostgreSQL. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(clickhouse, kafka, postgres);
            LOG.info("Local stack stopped");
        }
    }

    private static void closeAll(AutoCloseable... engines) {
        for (AutoCloseable engine : engines) {
            if (engine == null) {
                continue;
            }
            try {
                engine.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly", engine.getClass().getSimpleName(), e);
            }
        }
    }

    /** The result of one engine's start: its value, or the reason it did not start. */
    private static final class Outcome<T> {

        private T value;
        private RuntimeException failure;

        static <T> Outcome<T> of(Future<T> future) {
            Outcome<T> outcome = new Outcome<>();
            if (future == null) {
                return outcome;
            }
            try {
                outcome.value = future.get();
            } catch (ExecutionException e) {
                outcome.failure = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Local stack did not start: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                outcome.failure = new IllegalStateException("Interrupted while starting the local stack", e);
            }
            return outcome;
        }

        static RuntimeException firstFailure(Outcome<?>... outcomes) {
            RuntimeException first = null;
            for (Outcome<?> outcome : outcomes) {
                if (outcome.failure == null) {
                    continue;
                }
                if (first == null) {
                    first = outcome.failure;
                } else {
                    first.addSuppressed(outcome.failure);
                }
            }
            return first;
        }
    }
}
