package io.trendline.runner.bars;

import com.clickhouse.data.ClickHouseFormat;
import io.trendline.api.backtest.BarCoverage;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.platform.clickhouse.ClickHouse;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads bars for a backtest from the 1-minute candles in ClickHouse ({@code klines_1m}, read with FINAL so that a
 * minute stored twice counts once), aggregated in ClickHouse to coarser intervals: open of the first minute, highest
 * high, lowest low, close of the last minute, summed volume. Prices arrive as Float64 converted by ClickHouse from
 * the stored decimals, the same way on every read, so the same stored bars always give the same series.
 */
@Component
public class BarReader {

    private static final String MINUTES = """
            SELECT toUnixTimestamp64Milli(open_time), toFloat64(open), toFloat64(high), toFloat64(low),
                   toFloat64(close), toFloat64(volume)
            FROM klines_1m FINAL
            WHERE symbol = '%s' AND open_time >= fromUnixTimestamp64Milli(%d)
              AND open_time < fromUnixTimestamp64Milli(%d)
            ORDER BY open_time""";

    private static final String AGGREGATED = """
            SELECT toUnixTimestamp64Milli(toDateTime64(toStartOfInterval(open_time, INTERVAL %s), 3, 'UTC')) AS t,
                   toFloat64(argMin(open, open_time)), toFloat64(max(high)), toFloat64(min(low)),
                   toFloat64(argMax(close, open_time)), toFloat64(sum(volume))
            FROM klines_1m FINAL
            WHERE symbol = '%s' AND open_time >= fromUnixTimestamp64Milli(%d)
              AND open_time < fromUnixTimestamp64Milli(%d)
            GROUP BY t
            ORDER BY t""";

    private static final String COVERAGE = """
            SELECT count(), min(toUnixTimestamp64Milli(open_time)), max(toUnixTimestamp64Milli(open_time))
            FROM klines_1m FINAL
            WHERE symbol = ? AND open_time >= fromUnixTimestamp64Milli(?)
              AND open_time < fromUnixTimestamp64Milli(?)""";

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,32}");
    private static final int ROW_BYTES = 8 + 5 * 8;

    private final ClickHouse clickHouse;

    public BarReader(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /**
     * The bars of {@code symbol} at {@code interval} whose open time is in {@code [from, to)}, oldest first. Read as
     * RowBinary (an Int64 and five Float64 a bar, little-endian) straight off the response stream: for a year of
     * minutes that is a third of the time JDBC's result set takes. The symbol goes into the SQL as a literal, so it
     * is checked against the symbols' alphabet first.
     */
    public BarSeries read(String symbol, BarInterval interval, Instant from, Instant to) {
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("not a symbol: " + symbol);
        }
        String sql = interval == BarInterval.M1
                ? MINUTES.formatted(symbol, from.toEpochMilli(), to.toEpochMilli())
                : AGGREGATED.formatted(interval.clickHouseInterval(), symbol, from.toEpochMilli(), to.toEpochMilli());
        Columns columns = new Columns();
        clickHouse.query(sql, ClickHouseFormat.RowBinary, in -> {
            ByteBuffer row = ByteBuffer.allocate(ROW_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            byte[] bytes = row.array();
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            while (true) {
                int n = buffered.readNBytes(bytes, 0, ROW_BYTES);
                if (n == 0) {
                    break;
                }
                if (n < ROW_BYTES) {
                    throw new EOFException("a bar was cut off after " + n + " of its " + ROW_BYTES + " bytes");
                }
                columns.add(row.getLong(0), row.getDouble(8), row.getDouble(16), row.getDouble(24),
                        row.getDouble(32), row.getDouble(40));
            }
        });
        return columns.toSeries(interval.millis());
    }

    /** How many 1-minute bars of {@code symbol} are stored in {@code [from, to)}. */
    public BarCoverage coverage(String symbol, Instant from, Instant to) {
        return clickHouse.jdbc().queryForObject(COVERAGE, (rs, row) -> {
            long count = rs.getLong(1);
            return new BarCoverage(symbol, count, count == 0 ? null : Instant.ofEpochMilli(rs.getLong(2)),
                    count == 0 ? null : Instant.ofEpochMilli(rs.getLong(3)));
        }, symbol, from.toEpochMilli(), to.toEpochMilli());
    }

    /** Growable primitive columns, so a year of minutes is read without boxing a value. */
    private static final class Columns {
        private long[] time = new long[4096];
        private double[] open = new double[4096];
        private double[] high = new double[4096];
        private double[] low = new double[4096];
        private double[] close = new double[4096];
        private double[] volume = new double[4096];
        private int size;

        void add(long t, double o, double h, double l, double c, double v) {
            if (size == time.length) {
                int capacity = size * 2;
                time = Arrays.copyOf(time, capacity);
                open = Arrays.copyOf(open, capacity);
                high = Arrays.copyOf(high, capacity);
                low = Arrays.copyOf(low, capacity);
                close = Arrays.copyOf(close, capacity);
                volume = Arrays.copyOf(volume, capacity);
            }
            time[size] = t;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            size++;
        }

        BarSeries toSeries(long intervalMillis) {
            return new BarSeries(intervalMillis, Arrays.copyOf(time, size), Arrays.copyOf(open, size),
                    Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                    Arrays.copyOf(volume, size));
        }
    }
}
