package io.trendline.localstack.clickhouse;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide side of chDB: the library is loaded once, and the engine serves one data directory per process
 * (it boots with the first connection and shuts down with the last).
 *
 * <p>chDB must not touch the JVM's signal handlers: {@link SignalShield} keeps it off them, and every call that
 * would touch them (loading, the opt-out, connecting) is also bracketed by {@link SignalGuard} as a fallback.
 *
 * <p>Exit safety: libchdb.so's exit handlers crash or hang when a connection is still open as the process exits
 * (seen with connections that served several threads). A shutdown hook therefore closes every open connection
 * before the JVM reaches {@code exit()}, on a helper thread with a time limit so it can never hold shutdown up.
 */
final class ChdbEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ChdbEngine.class);
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    private static final Set<ChdbConnection> OPEN = new LinkedHashSet<>();
    private static ChdbApi api;
    private static Path libraryPath;
    private static Path dataDir;
    private static boolean shuttingDown;

    private ChdbEngine() {
    }

    /** Opens a connection to the engine serving dataDir, booting it if no connection is open. */
    static synchronized ChdbConnection connect(Path library, Path dir) throws ChdbException {
        if (shuttingDown) {
            throw ChdbException.of(ChdbException.UNKNOWN_EXCEPTION, "UNKNOWN_EXCEPTION", "The JVM is shutting down");
        }
        if (!OPEN.isEmpty() && !dataDir.equals(dir)) {
            throw new IllegalStateException("chDB serves one data directory per process: " + dataDir
                    + " is open, so " + dir + " cannot be; close the other ChdbHttpServer first");
        }
        ChdbApi loaded = load(library);
        List<String> args = List.of("clickhouse", "--path=" + dir);
        SignalGuard guard = SignalGuard.snapshot();
        Pointer handle = loaded.chdb_connect(args.size(), argv(args));
        guard.restore();
        if (handle == null || handle.getPointer(0) == null) {
            throw ChdbException.of(ChdbException.UNKNOWN_EXCEPTION, "UNKNOWN_EXCEPTION",
                    "chDB could not open a connection on " + dir);
        }
        dataDir = dir;
        ChdbConnection connection = new ChdbConnection(loaded, handle);
        OPEN.add(connection);
        try {
            connection.applyBaseline();
        } catch (ChdbException e) {
            closeBounded(List.of(connection));
            throw e;
        }
        return connection;
    }

    /** True when connections to the engine on dir are open in this process. */
    static synchronized boolean isServing(Path dir) {
        return !OPEN.isEmpty() && dataDir.equals(dir);
    }

    /** Closes connections, waiting a bounded time; chDB's shutdown must never block callers. */
    static void close(List<ChdbConnection> connections) {
        closeBounded(connections);
    }

    private static ChdbApi load(Path library) {
        if (api == null) {
            long started = System.nanoTime();
            SignalGuard guard = SignalGuard.snapshot();
            ChdbApi loaded = Native.load(library.toString(), ChdbApi.class);
            try {
                SignalShield.install(library, NativeLibrary.getInstance(library.toString()), "chdb_connect");
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not keep chDB off the JVM's signal handlers ({}); they are put back after each"
                        + " connect instead, which leaves a short window for a JVM crash", e.toString());
            }
            loaded.chdb_set_signal_handlers_enabled(0);
            guard.restore();
            api = loaded;
            libraryPath = library;
            Runtime.getRuntime().addShutdownHook(new Thread(ChdbEngine::closeAllAtExit, "chdb-shutdown"));
            LOG.info("Loaded chDB from {} in {} ms", library,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } else if (!libraryPath.equals(library)) {
            LOG.warn("chDB is already loaded from {}; ignoring {}", libraryPath, library);
        }
        return api;
    }

    private static void closeAllAtExit() {
        List<ChdbConnection> open;
        synchronized (ChdbEngine.class) {
            shuttingDown = true;
            open = new ArrayList<>(OPEN);
        }
        closeBounded(open);
    }

    /**
     * Closes connections on a daemon thread and waits at most CLOSE_WAIT_MILLIS: idle ones at once, busy ones after
     * their statements are cancelled through an idle one. One still busy after that stays open (and is tried again
     * at exit).
     */
    private static void closeBounded(List<ChdbConnection> connections) {
        if (connections.isEmpty()) {
            return;
        }
        long deadline = System.currentTimeMillis() + CLOSE_WAIT_MILLIS;
        Queue<ChdbConnection> closed = new ConcurrentLinkedQueue<>();
        Thread closer = new Thread(() -> {
            if (connections.stream().anyMatch(ChdbConnection::isBusy)) {
                connections.stream().filter(c -> !c.isBusy()).findFirst().ifPresent(ChdbConnection::killOtherQueries);
            }
            for (ChdbConnection connection : connections) {
                if (connection.closeWithin(Math.max(0, deadline - System.currentTimeMillis()))) {
                    closed.add(connection);
                } else {
                    LOG.warn("A chDB connection is still running a statement; leaving it open");
                }
            }
        }, "chdb-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(CLOSE_WAIT_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (ChdbEngine.class) {
            OPEN.removeAll(closed);
        }
    }

    private static Pointer[] argv(List<String> args) {
        Pointer[] argv = new Pointer[args.size()];
        for (int i = 0; i < argv.length; i++) {
            byte[] bytes = args.get(i).getBytes(StandardCharsets.UTF_8);
            Memory memory = new Memory(bytes.length + 1L);
            memory.write(0, bytes, 0, bytes.length);
            memory.setByte(bytes.length, (byte) 0);
            argv[i] = memory;
        }
        return argv;
    }
}
