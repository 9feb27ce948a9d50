package io.trendline.platform.clickhouse;

import com.clickhouse.client.api.DataStreamWriter;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics store, reached through clickhouse-jdbc. Deliberately not a {@code DataSource} bean: that would make
 * Spring Boot step back from configuring PostgreSQL, which stays the primary database.
 */
public class ClickHouse implements AutoCloseable {

    private static final long INSERT_TIMEOUT_SECONDS = 300;

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;

    public ClickHouse(String jdbcUrl, int poolSize) {
        dataSource = new HikariDataSource();
        dataSource.setPoolName("clickhouse");
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setMinimumIdle(0);
        // Don't fail start-up when ClickHouse is late; the health endpoint says so until it answers.
        dataSource.setInitializationFailTimeout(-1);
        jdbc = new JdbcTemplate(dataSource);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /**
     * Streams an insert in a binary format (RowBinary, Native...) straight to ClickHouse through the driver's client,
     * for bulk writes where JDBC's row-by-row parameters would cost more than the data itself.
     *
     * @return the rows ClickHouse reports written
     */
    public long insert(String table, List<String> columns, ClickHouseFormat format, DataStreamWriter data) {
        try (Connection connection = dataSource.getConnection()) {
            var client = connection.unwrap(ConnectionImpl.class).getClient();
            try (InsertResponse response = client.insert(table, columns, data, format, new InsertSettings())
                    .get(INSERT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return response.getWrittenRows();
            }
        } catch (ExecutionException e) {
            throw new ClickHouseInsertException("Insert into " + table + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseInsertException("Interrupted while inserting into " + table, e);
        } catch (Exception e) { // TimeoutException, SQLException, and whatever closing the response throws
            throw new ClickHouseInsertException("Insert into " + table + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Streams a query's answer in a binary format (RowBinary, Native...) to {@code reader}, for bulk reads where
     * JDBC's per-value objects would cost more than the data itself. The SQL has no FORMAT clause (the format is set
     * here) and no parameters: any literal in it must be one the caller has checked.
     */
    public void query(String sql, ClickHouseFormat format, StreamReader reader) {
        try (Connection connection = dataSource.getConnection()) {
            var client = connection.unwrap(ConnectionImpl.class).getClient();
            QuerySettings settings = new QuerySettings().setFormat(format);
            try (QueryResponse response = client.query(sql, settings).get(INSERT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                 InputStream in = response.getInputStream()) {
                reader.read(in);
            }
        } catch (ExecutionException e) {
            throw new ClickHouseQueryException("Query failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseQueryException("Interrupted while querying", e);
        } catch (Exception e) { // TimeoutException, SQLException, IOException, and the reader's own
            throw new ClickHouseQueryException("Query failed: " + e.getMessage(), e);
        }
    }

    /** Reads a streamed answer. */
    @FunctionalInterface
    public interface StreamReader {
        void read(InputStream in) throws IOException;
    }

    /** A streamed query did not complete. */
    public static class ClickHouseQueryException extends DataAccessResourceFailureException {

        public ClickHouseQueryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A bulk insert did not complete; nothing can be said about which of its rows arrived. */
    public static class ClickHouseInsertException extends RuntimeException {

        public ClickHouseInsertException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
