package io.trendline.localstack.clickhouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of chDB connections, all opened at start-up and kept until close: connecting is where chDB resets
 * signal handlers (see {@link SignalShield}), so it happens only while the server starts, never under load. A
 * request leases one connection for its whole run; a chDB connection runs one statement at a time.
 */
final class ChdbPool implements AutoCloseable {

    private static final long ACQUIRE_TIMEOUT_SECONDS = 60;

    private final List<ChdbConnection> all;
    private final LinkedBlockingDeque<ChdbConnection> idle;
    private volatile boolean closed;

    private ChdbPool(List<ChdbConnection> connections) {
        this.all = List.copyOf(connections);
        this.idle = new LinkedBlockingDeque<>(connections);
    }

    static ChdbPool open(Path library, Path dataDir, int size) throws ChdbException {
        List<ChdbConnection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                connections.add(ChdbEngine.connect(library, dataDir));
            }
        } catch (ChdbException | RuntimeException e) {
            ChdbEngine.close(connections);
            throw e;
        }
        return new ChdbPool(connections);
    }

    /** A connection for one request, waiting while all are busy. */
    Lease acquire() throws ChdbException {
        ChdbConnection connection;
        try {
            connection = closed ? null : idle.pollFirst(ACQUIRE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection = null;
        }
        if (closed || connection == null) {
            if (connection != null) {
                idle.addFirst(connection);
            }
            throw ChdbException.of(ChdbException.TOO_MANY_SIMULTANEOUS_QUERIES, "TOO_MANY_SIMULTANEOUS_QUERIES",
                    closed ? "The local ClickHouse is shutting down"
                            : "No chDB connection became free within " + ACQUIRE_TIMEOUT_SECONDS + " seconds");
        }
        return new Lease(connection);
    }

    /** Closes every connection (those still leased wait for their statement, within ChdbEngine's bound). */
    @Override
    public void close() {
        closed = true;
        ChdbEngine.close(all);
    }

    /** One request's use of a connection; closing it hands the connection back. */
    final class Lease implements AutoCloseable {
        private final ChdbConnection connection;

        private Lease(ChdbConnection connection) {
            this.connection = connection;
        }

        ChdbConnection connection() {
            return connection;
        }

        @Override
        public void close() {
            idle.addFirst(connection);
        }
    }
}
