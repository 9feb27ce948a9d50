package io.trendline.localstack.postgres;

import java.nio.file.Path;

/** Test helper run in a separate JVM: starts PostgreSQL on args[0], prints "READY port pid", waits to be killed. */
public final class PostgresInChildJvm {

    private PostgresInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalPostgres postgres = LocalPostgres.start(Path.of(args[0]), 0);
        System.out.println("READY " + postgres.port() + " " + postgres.pid());
        System.out.flush();
        Thread.currentThread().join();
    }
}
