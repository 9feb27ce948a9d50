package io.trendline.localstack.clickhouse;

/** What ClickHouse reports in {@code X-ClickHouse-Summary}. */
record QueryStats(long readRows, long readBytes, long writtenRows, long writtenBytes, long resultRows,
                  long resultBytes, long elapsedNanos) {

    /** The header's JSON; ClickHouse writes every number as a string. */
    String toSummaryJson() {
        return "{\"read_rows\":\"" + readRows + "\",\"read_bytes\":\"" + readBytes + "\",\"written_rows\":\""
                + writtenRows + "\",\"written_bytes\":\"" + writtenBytes + "\",\"total_rows_to_read\":\"" + readRows
                + "\",\"result_rows\":\"" + resultRows + "\",\"result_bytes\":\"" + resultBytes
                + "\",\"elapsed_ns\":\"" + elapsedNanos + "\"}";
    }
}
