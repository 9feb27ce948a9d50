package io.trendline.localstack.clickhouse;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The part of libchdb.so's C API ({@code chdb.h}) this front end calls. {@code size_t} is mapped to {@code long}
 * (64-bit Linux only); text crosses as UTF-8 bytes, never through JNA's platform charset. A {@code chdb_result*}
 * stays owned by chDB until {@link #chdb_destroy_query_result}; its buffer is read in place.
 */
interface ChdbApi extends Library {

    /** Must be called with 0 before the first connect: the JVM owns SIGSEGV and friends. */
    void chdb_set_signal_handlers_enabled(int enabled);

    /** Returns a {@code chdb_connection*} (a pointer to the connection handle), or null. */
    Pointer chdb_connect(int argc, Pointer[] argv);

    /** Takes the {@code chdb_connection*} that {@link #chdb_connect} returned. */
    void chdb_close_conn(Pointer connectionPointer);

    Pointer chdb_query_n(Pointer conn, byte[] query, long queryLength, String format, long formatLength);

    Pointer chdb_query_with_params_n(Pointer conn, byte[] query, long queryLength, String format, long formatLength,
                                     Pointer[] names, long[] nameLengths, Pointer[] values, long[] valueLengths,
                                     long count);

    void chdb_destroy_query_result(Pointer result);

    Pointer chdb_result_buffer(Pointer result);

    long chdb_result_length(Pointer result);

    double chdb_result_elapsed(Pointer result);

    long chdb_result_rows_read(Pointer result);

    long chdb_result_bytes_read(Pointer result);

    long chdb_result_storage_rows_read(Pointer result);

    long chdb_result_storage_bytes_read(Pointer result);

    long chdb_result_rows_written(Pointer result);

    long chdb_result_bytes_written(Pointer result);

    /** A NUL-terminated UTF-8 message, or null when the query succeeded. */
    Pointer chdb_result_error(Pointer result);
}
