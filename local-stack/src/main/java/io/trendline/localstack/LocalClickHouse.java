package io.trendline.localstack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The chDB-backed ClickHouse front end ({@code io.trendline.localstack.clickhouse.ChdbHttpServer}), reached by
 * reflection so that this package builds whether or not that engine is part of the build yet.
 */
final class LocalClickHouse implements AutoCloseable {

    static final String SERVER_CLASS = "io.trendline.localstack.clickhouse.ChdbHttpServer";

    private final Object server;
    private final String jdbcUrl;

    private LocalClickHouse(Object server, String jdbcUrl) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
    }

    static LocalClickHouse start(Path dir, int port) {
        Class<?> type;
        try {
            type = Class.forName(SERVER_CLASS);
        } catch (ClassNotFoundException e) {
            String setting = LocalStackSettings.describeKey(LocalStackSettings.CLICKHOUSE_URL);
            throw new IllegalStateException("No local ClickHouse engine in this build (" + SERVER_CLASS
                    + "); give an existing ClickHouse with " + setting, e);
        }
        Object server = invoke(type, null, "start", new Class<?>[] {Path.class, int.class}, dir, port);
        try {
            return new LocalClickHouse(server, (String) invoke(type, server, "jdbcUrl", new Class<?>[0]));
        } catch (RuntimeException e) {
            invoke(type, server, "close", new Class<?>[0]);
            throw e;
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        invoke(server.getClass(), server, "close", new Class<?>[0]);
    }

    private static Object invoke(Class<?> type, Object target, String name, Class<?>[] params, Object... args) {
        try {
            Method method = type.getMethod(name, params);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            Throwable cause = e.getCause();
            throw new IllegalStateException("ClickHouse " + name + " failed: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(SERVER_CLASS + " has no usable " + name + " method", e);
        }
    }
}
