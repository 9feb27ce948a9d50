package io.trendline.localstack.clickhouse;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for a ClickHouse server: chDB (the ClickHouse engine in-process) behind the part of ClickHouse's
 * HTTP interface that clickhouse-jdbc uses. Data lives under the given directory and survives restarts.
 */
public final class ChdbHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChdbHttpServer.class);
    private static final int HTTP_THREADS = 8;
    private static final int ENGINE_CONNECTIONS = 4;
    private static final long STOP_WAIT_SECONDS = 5;
    private static final long GRACE_MILLIS = 1_000;
    private static final String UPLOAD_DIR = ".http-uploads";

    static {
        // The JDK's server sends headers and body in separate writes; with Nagle on, the body waits for the client's
        // delayed ACK, adding 40 ms to many small answers. ClickHouse sets TCP_NODELAY; so does this stand-in. The JDK
        // reads the property once, when its first HttpServer starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final HttpQueryHandler handler;
    private final ExecutorService executor;
    private final ChdbPool pool;
    private final int port;
    private boolean closed;

    private ChdbHttpServer(HttpServer http, HttpQueryHandler handler, ExecutorService executor, ChdbPool pool) {
        this.http = http;
        this.handler = handler;
        this.executor = executor;
        this.pool = pool;
        this.port = http.getAddress().getPort();
    }

    /**
     * Starts chDB with its data under dataDir (created if missing; data survives restarts) and serves HTTP on
     * 127.0.0.1:port (0 = any free port). A taken port gives an IllegalStateException naming the port.
     */
    public static ChdbHttpServer start(Path dataDir, int port) {
        long started = System.nanoTime();
        Path dir = dataDir.toAbsolutePath().normalize();
        HttpServer http = bind(port);
        ChdbPool pool = null;
        try {
            Files.createDirectories(dir);
            boolean sharedDir = ChdbEngine.isServing(dir);
            pool = openPool(dir);
            String[] facts = serverFacts(pool);
            Path uploadDir = uploadDir(dir, !sharedDir);
            ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
            http.setExecutor(executor);
            HttpQueryHandler handler = new HttpQueryHandler(pool, uploadDir, facts[0], facts[1], "chdb-local");
            http.createContext("/", handler);
            http.start();
            ChdbHttpServer server = new ChdbHttpServer(http, handler, executor, pool);
            LOG.info("Local ClickHouse (chDB {}) serving {} on {} in {} ms", facts[0], dir, server.httpUrl(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return server;
        } catch (IOException e) {
            http.stop(0);
            closeQuietly(pool);
            throw new UncheckedIOException("Could not start the local ClickHouse on " + dir, e);
        } catch (RuntimeException e) {
            http.stop(0);
            closeQuietly(pool);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:clickhouse:http://127.0.0.1:" + port + "/default?compress=false";
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Stops serving (requests in flight get up to a second), cancels statements still running, closes the engine's
     * connections; every step is bounded, so close never hangs on chDB.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        awaitIdle(GRACE_MILLIS);
        http.stop(0);
        pool.close();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Local ClickHouse on port {}: request threads still busy after {} s", port, STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Local ClickHouse on port {} stopped", port);
    }

    private void awaitIdle(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (handler.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (BindException e) {
            throw new IllegalStateException("Cannot serve the local ClickHouse on 127.0.0.1:" + port + ": port " + port
                    + " is already in use (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the local ClickHouse on 127.0.0.1:" + port, e);
        }
    }

    private static ChdbPool openPool(Path dir) {
        try {
            return ChdbPool.open(ChdbLibrary.locate(), dir, ENGINE_CONNECTIONS);
        } catch (ChdbException e) {
            throw new IllegalStateException("chDB could not start on " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The engine's version and the session time zone, for error texts and the X-ClickHouse-Timezone header. */
    private static String[] serverFacts(ChdbPool pool) {
        try (ChdbPool.Lease lease = pool.acquire()) {
            ChdbConnection connection = lease.connection();
            connection.prepare("default", Map.of());
            byte[] sql = "SELECT version(), timezone()".getBytes(StandardCharsets.UTF_8);
            try (NativeResult result = connection.query(sql, "TabSeparated", Map.of())) {
                String[] facts = new String(result.bytes(), StandardCharsets.UTF_8).strip().split("\t");
                return new String[] {facts[0], facts.length > 1 ? facts[1] : "UTC"};
            }
        } catch (ChdbException e) {
            throw new IllegalStateException("chDB started but cannot run queries: " + e.getMessage(), e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "chdb-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(ChdbPool pool) {
        if (pool != null) {
            pool.close();
        }
    }

    /**
     * Insert data waits here for the engine: inside the data directory, so what a crash leaves behind is removed by
     * the next start (unless another server in this process already uses the directory).
     */
    private static Path uploadDir(Path dataDir, boolean empty) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve(UPLOAD_DIR));
        if (empty) {
            deleteFilesIn(dir);
        }
        return dir;
    }

    private static void deleteFilesIn(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.debug("Could not empty {}: {}", dir, e.toString());
        }
    }
}
