package io.trendline.localstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM owning PostgreSQL is killed with SIGKILL; these tests run it as a child JVM to do so for real. */
class LocalPostgresKillRecoveryTest {

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void startStopsAServerOrphanedByAKilledJvmAndKeepsItsData() throws Exception {
        long[] portAndPid = startChild();
        insertRow(portAndPid[0]);
        // Kill the watchdog first so the server really is left behind, as when the whole process group gets killed.
        watchdogOf(child).forEach(ProcessHandle::destroyForcibly);
        killChildJvm();
        assertThat(ProcessHandle.of(portAndPid[1]).map(ProcessHandle::isAlive)).contains(true);

        try (LocalPostgres postgres = LocalPostgres.start(dir, 0)) {
            assertThat(ProcessHandle.of(portAndPid[1]).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(readRow(postgres.port())).isEqualTo("written before kill -9");
        }
    }

    @Test
    void serverStopsByItselfWhenItsJvmIsKilled() throws Exception {
        long[] portAndPid = startChild();
        insertRow(portAndPid[0]);
        killChildJvm();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> ProcessHandle.of(portAndPid[1]).filter(ProcessHandle::isAlive).isEmpty());
        try (LocalPostgres postgres = LocalPostgres.start(dir, 0)) {
            assertThat(readRow(postgres.port())).isEqualTo("written before kill -9");
        }
    }

    /** Starts PostgreSQL in a child JVM; returns its port and postmaster pid. */
    private long[] startChild() throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                PostgresInChildJvm.class.getName(), dir.toString())
                .redirectError(dir.resolveSibling(dir.getFileName() + "-child.err").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> readUntilReady(out)).get(90, TimeUnit.SECONDS);
        Thread drain = new Thread(() -> readUntilReady(out), "child-stdout-drain");
        drain.setDaemon(true);
        drain.start();
        String[] parts = ready.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    private static String readUntilReady(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private void killChildJvm() throws InterruptedException {
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static List<ProcessHandle> watchdogOf(Process jvm) {
        return jvm.descendants()
                .filter(p -> p.info().arguments().map(Arrays::asList)
                        .map(args -> args.contains("trendline-postgres-watchdog")).orElse(false))
                .toList();
    }

    private static void insertRow(long port) throws SQLException {
        try (Connection c = connect(port); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE note (text varchar)");
            st.execute("INSERT INTO note VALUES ('written before kill -9')");
        }
    }

    private static String readRow(long port) throws SQLException {
        try (Connection c = connect(port); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT text FROM note")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Connection connect(long port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + LocalPostgres.DATABASE,
                LocalPostgres.USER, LocalPostgres.PASSWORD);
    }
}
