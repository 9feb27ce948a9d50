package io.trendline.localstack.clickhouse;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * One chDB connection: runs one statement at a time, so callers lease it exclusively (see {@link ChdbPool}); the
 * lock is there so that closing waits for a native call in flight and can tell a busy connection. It remembers the
 * database and the settings it was given so that each request gets exactly its own, as on ClickHouse's HTTP
 * interface, where a request's settings and {@code USE} end with the request.
 */
final class ChdbConnection {

    /**
     * Applied at connect and restored instead of DEFAULT: a fixed zone, like a server in a container, whatever TZ the
     * JVM runs with. (Passed as a connect argument it is ignored by this chDB version, hence SET.)
     */
    static final Map<String, String> BASELINE = Map.of("session_timezone", "UTC");
    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final ChdbApi api;
    private final Pointer handle;
    private final Pointer conn;
    private final Map<String, String> settings = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private String database = "default";
    private volatile boolean closed;

    ChdbConnection(ChdbApi api, Pointer handle) {
        this.api = api;
        this.handle = handle;
        this.conn = handle.getPointer(0);
    }

    /** Sets the baseline settings; the engine calls this once, right after connecting. */
    void applyBaseline() throws ChdbException {
        List<String> assignments = new ArrayList<>();
        BASELINE.forEach((name, value) -> assignments.add(name + " = " + quote(value)));
        execute("SET " + String.join(", ", assignments));
    }

    /** Switches to the request's database and settings, resetting those an earlier request left behind. */
    void prepare(String wantedDatabase, Map<String, String> wanted) throws ChdbException {
        List<String> assignments = new ArrayList<>();
        for (String name : settings.keySet()) {
            if (!wanted.containsKey(name)) {
                String baseline = BASELINE.get(name);
                assignments.add(name + " = " + (baseline == null ? "DEFAULT" : quote(baseline)));
            }
        }
        wanted.forEach((name, value) -> {
            if (!value.equals(settings.get(name))) {
                assignments.add(name + " = " + quote(value));
            }
        });
        if (!assignments.isEmpty()) {
            for (String name : wanted.keySet()) {
                if (!SETTING_NAME.matcher(name).matches()) {
                    throw ChdbException.of(115, "UNKNOWN_SETTING", "Unknown setting '" + name + "'");
                }
            }
            // Until the SET succeeds every setting involved is in an unknown state (null: reset next time).
            List<String> involved = new ArrayList<>(settings.keySet());
            involved.addAll(wanted.keySet());
            settings.clear();
            involved.forEach(name -> settings.put(name, null));
            execute("SET " + String.join(", ", assignments));
            settings.clear();
            settings.putAll(wanted);
        }
        if (wantedDatabase != null && !wantedDatabase.equals(database)) {
            database = null;
            execute("USE `" + wantedDatabase.replace("\\", "\\\\").replace("`", "\\`") + "`");
            database = wantedDatabase;
        }
    }

    /** Notes what a statement run on behalf of a client changed, so the next request gets its own state back. */
    void noteStatement(String keyword, String text) {
        if (keyword.equals("USE")) {
            database = null;
        } else if (keyword.equals("SET")) {
            SqlScanner.setNames(text).forEach(name -> settings.put(name, null));
        }
    }

    NativeResult query(byte[] sql, String format, Map<String, String> params) throws ChdbException {
        lock.lock();
        try {
            checkOpen();
            Pointer result;
            if (params.isEmpty()) {
                result = api.chdb_query_n(conn, sql, sql.length, format, format.length());
            } else {
                Params p = new Params(params);
                result = api.chdb_query_with_params_n(conn, sql, sql.length, format, format.length(), p.names,
                        p.nameLengths, p.values, p.valueLengths, p.count);
            }
            return checked(result);
        } finally {
            lock.unlock();
        }
    }

    boolean isBusy() {
        return lock.isLocked();
    }

    /** Cancels the statements other connections are running (chDB's KILL QUERY; SYNC would never return). */
    void killOtherQueries() {
        try {
            execute("KILL QUERY WHERE query_id != queryID() ASYNC");
        } catch (ChdbException e) {
            // best effort: closing waits for them instead
        }
    }

    /** Closes once the running statement, if any, ends; false if it has not within the time given. */
    boolean closeWithin(long millis) {
        try {
            if (!lock.tryLock(millis, TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (!closed) {
                closed = true;
                api.chdb_close_conn(handle);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void execute(String sql) throws ChdbException {
        query(sql.getBytes(StandardCharsets.UTF_8), "TabSeparated", Map.of()).close();
    }

    private NativeResult checked(Pointer result) throws ChdbException {
        String error = NativeResult.error(api, result);
        if (error != null) {
            if (result != null) {
                api.chdb_destroy_query_result(result);
            }
            throw ChdbException.fromEngine(error);
        }
        return new NativeResult(api, result);
    }

    private void checkOpen() throws ChdbException {
        if (closed) {
            throw ChdbException.of(ChdbException.UNKNOWN_EXCEPTION, "UNKNOWN_EXCEPTION",
                    "The local ClickHouse is shutting down");
        }
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Query parameters ({@code {name:Type}}) as the C arrays chDB takes; values are ClickHouse's escaped text. */
    private static final class Params {
        final Pointer[] names;
        final long[] nameLengths;
        final Pointer[] values;
        final long[] valueLengths;
        final int count;

        Params(Map<String, String> params) {
            count = params.size();
            names = new Pointer[count];
            nameLengths = new long[count];
            values = new Pointer[count];
            valueLengths = new long[count];
            int i = 0;
            for (Map.Entry<String, String> entry : params.entrySet()) {
                byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] value = entry.getValue().getBytes(StandardCharsets.UTF_8);
                names[i] = copy(name);
                nameLengths[i] = name.length;
                values[i] = copy(value);
                valueLengths[i] = value.length;
                i++;
            }
        }

        private static Pointer copy(byte[] bytes) {
            Memory memory = new Memory(Math.max(1, bytes.length));
            memory.write(0, bytes, 0, bytes.length);
            return memory;
        }
    }
}
