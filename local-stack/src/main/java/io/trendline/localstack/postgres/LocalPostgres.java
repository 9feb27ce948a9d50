package io.trendline.localstack.postgres;

import io.trendline.localstack.LocalStackSettings;
import io.trendline.localstack.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server (zonky's embedded binaries) whose data lives in {@code <dir>/pgdata} and survives restarts;
 * its output goes to {@code <dir>/postgres.log}. Provides database {@value #DATABASE} owned by user {@value #USER}.
 * A server left running by a killed JVM is stopped before the new one starts.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final int DEFAULT_PORT = LocalStackSettings.DEFAULT_POSTGRES_PORT;
    public static final String DATABASE = "trendline";
    public static final String USER = "trendline";
    public static final String PASSWORD = "trendline";

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Set<Path> RUNNING_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres server;
    private final Path pgdata;
    private final long pid;
    private final PostmasterWatchdog watchdog;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalPostgres(EmbeddedPostgres server, Path pgdata, long pid, PostmasterWatchdog watchdog) {
        this.server = server;
        this.pgdata = pgdata;
        this.pid = pid;
        this.watchdog = watchdog;
    }

    /**
     * Starts PostgreSQL with its files under {@code dir} (created, or reused from an earlier run).
     *
     * @param port port on 127.0.0.1; 0 picks a free one
     */
    public static LocalPostgres start(Path dir, int port) {
        Path home = dir.toAbsolutePath().normalize();
        Path pgdata = home.resolve("pgdata");
        if (!RUNNING_IN_THIS_JVM.add(pgdata)) {
            throw new IllegalStateException("A LocalPostgres on " + pgdata + " is already running in this JVM");
        }
        try {
            return start(home, pgdata, port);
        } catch (RuntimeException | Error e) {
            RUNNING_IN_THIS_JVM.remove(pgdata);
            throw e;
        }
    }

    private static LocalPostgres start(Path home, Path pgdata, int requestedPort) {
        long started = System.nanoTime();
        createDirectories(pgdata);
        requireNoLiveOwner(pgdata);
        OrphanedPostmaster.stopIfRunning(pgdata);
        requireInitialisable(pgdata);
        int port = Ports.resolve(requestedPort, "PostgreSQL", LocalStackSettings.POSTGRES_PORT);
        Path log = home.resolve("postgres.log");
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky passes -F (fsync off); turn it back on so a machine crash cannot corrupt the data.
                    // synchronous_commit stays off (zonky's default): fast commits, at most a moment of loss.
                    .setServerConfig("fsync", "on")
                    .setLocaleConfig("locale", "C")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            // A postmaster that came up but did not answer in time would be left without an owner.
            OrphanedPostmaster.stopIfRunning(pgdata);
            throw new IllegalStateException("PostgreSQL did not start on port " + port + " with data in " + pgdata
                    + "; see " + log, e);
        }
        try {
            ensureDatabase(server);
            long pid = PostmasterPidFile.read(pgdata).map(PostmasterPidFile::pid)
                    .orElseThrow(() -> new IllegalStateException("No postmaster.pid in " + pgdata));
            LocalPostgres postgres = new LocalPostgres(server, pgdata, pid, PostmasterWatchdog.watch(pid));
            LOG.info("PostgreSQL ready at {} in {} ms (data {})", postgres.jdbcUrl(),
                    (System.nanoTime() - started) / 1_000_000, pgdata);
            return postgres;
        } catch (RuntimeException e) {
            closeQuietly(server);
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return server.getPort();
    }

    /** The PostgreSQL data directory ({@code <dir>/pgdata}). */
    public Path dataDirectory() {
        return pgdata;
    }

    /** The postmaster's process id. */
    public long pid() {
        return pid;
    }

    /** Fast shutdown: open transactions are rolled back, everything committed is on disk. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (watchdog != null) {
            watchdog.close();
        }
        closeQuietly(server);
        RUNNING_IN_THIS_JVM.remove(pgdata);
        LOG.info("PostgreSQL on port {} stopped", port());
    }

    /** zonky holds a file lock in the data directory while its server runs; a live holder means a live owner. */
    private static void requireNoLiveOwner(Path pgdata) {
        Path lockFile = pgdata.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(pgdata + " is in use by PostgreSQL of another running process "
                        + "(a second Trendline on the same data directory?). Stop it, or use another "
                        + LocalStackSettings.describeKey(LocalStackSettings.DATA_DIR));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check " + lockFile, e);
        }
    }

    /** initdb needs an empty directory; refuse to guess about anything else (e.g. an initdb killed midway). */
    private static void requireInitialisable(Path pgdata) {
        if (Files.exists(pgdata.resolve("postgresql.conf"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(pgdata)) {
            if (entries.anyMatch(p -> !p.getFileName().toString().equals(ZONKY_LOCK_FILE))) {
                throw new IllegalStateException(pgdata + " is neither empty nor a PostgreSQL data directory "
                        + "(an interrupted first start?). Move it away to let a fresh one be created.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pgdata, e);
        }
    }

    private static void ensureDatabase(EmbeddedPostgres server) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                st.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                LOG.info("Created PostgreSQL user {}", USER);
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                st.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
                LOG.info("Created PostgreSQL database {}", DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create PostgreSQL database " + DATABASE, e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly", e);
        }
    }
}
