package io.trendline.localstack.clickhouse;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** One {@code chdb_result*}: a finished query's output and statistics, read in place. */
final class NativeResult implements AutoCloseable {

    private static final int COPY_BUFFER = 256 * 1024;

    private final ChdbApi api;
    private Pointer result;

    NativeResult(ChdbApi api, Pointer result) {
        this.api = api;
        this.result = result;
    }

    /** The engine's error message for this result, or null; chDB's statistics are garbage on error results. */
    static String error(ChdbApi api, Pointer result) {
        if (result == null) {
            return "chDB returned no result (the connection is closed or broken)";
        }
        Pointer message = api.chdb_result_error(result);
        return message == null ? null : message.getString(0, StandardCharsets.UTF_8.name());
    }

    long length() {
        return api.chdb_result_length(result);
    }

    void writeTo(OutputStream out) throws IOException {
        long length = length();
        if (length == 0) {
            return;
        }
        Pointer buffer = api.chdb_result_buffer(result);
        byte[] copy = new byte[(int) Math.min(length, COPY_BUFFER)];
        for (long offset = 0; offset < length; offset += copy.length) {
            int n = (int) Math.min(copy.length, length - offset);
            buffer.read(offset, copy, 0, n);
            out.write(copy, 0, n);
        }
    }

    byte[] bytes() {
        long length = length();
        return length == 0 ? new byte[0] : api.chdb_result_buffer(result).getByteArray(0, (int) length);
    }

    QueryStats stats() {
        return new QueryStats(api.chdb_result_storage_rows_read(result), api.chdb_result_storage_bytes_read(result),
                api.chdb_result_rows_written(result), api.chdb_result_bytes_written(result),
                api.chdb_result_rows_read(result), api.chdb_result_bytes_read(result),
                (long) (api.chdb_result_elapsed(result) * 1e9));
    }

    @Override
    public void close() {
        if (result != null) {
            api.chdb_destroy_query_result(result);
            result = null;
        }
    }
}
