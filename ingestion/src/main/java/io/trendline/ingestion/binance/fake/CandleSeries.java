package io.trendline.ingestion.binance.fake;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The 1-minute candles of one symbol that the fake serves, in open-time order. Prices and volumes are held as longs
 * scaled by 10^8 (Binance's spot precision), which keeps 130,000 candles in a few megabytes and formats them back
 * exactly as Binance does ({@code "105597.10000000"}). Fields a 7-column file lacks (quote volume, trades, taker
 * volumes) are zero.
 */
public final class CandleSeries {

    public static final long MINUTE = 60_000;
    static final int SCALE = 8;

    private final String symbol;
    private final long[] openTime;
    private final long[][] values;

    private CandleSeries(String symbol, long[] openTime, long[][] values) {
        this.symbol = symbol;
        this.openTime = openTime;
        this.values = values;
    }

    /** Column positions in {@link #values}, in Binance's REST order after the times. */
    enum Field { OPEN, HIGH, LOW, CLOSE, VOLUME, QUOTE_VOLUME, TRADES, TAKER_BASE, TAKER_QUOTE }

    /**
     * Reads a candle file: the 7-column CSV ({@code open_time,open,high,low,close,volume,close_time}) or Binance's
     * 12-column layout, with or without a header line, plain or gzip; times in milliseconds or microseconds.
     */
    public static CandleSeries read(String symbol, Path file) {
        try (InputStream in = open(file)) {
            return parse(symbol, in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read candles from " + file, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        // The gzip magic number, rather than the file name, decides.
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static CandleSeries parse(String symbol, InputStream in, String name) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        Builder builder = new Builder(symbol, 1 << 17);
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(in)) {
            long line = 0;
            while (rows.hasNext()) {
                String[] row = rows.next();
                line++;
                if (line == 1 && !row[0].isEmpty() && !Character.isDigit(row[0].charAt(0))) {
                    continue;
                }
                try {
                    builder.add(row);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(name + " line " + line + ": " + e.getMessage(), e);
                }
            }
        }
        return builder.build(name);
    }

    /**
     * Deterministic made-up candles (a random walk from {@code seed}) for tests where no recorded file is present;
     * never served as if it were market data outside tests.
     */
    public static CandleSeries generated(String symbol, long firstOpenTime, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Builder builder = new Builder(symbol, count);
        long price = 30_000L * 100_000_000L;
        for (int i = 0; i < count; i++) {
            long open = price;
            long close = Math.max(100_000_000L, open + (long) (random.nextGaussian() * 0.0008 * open));
            long high = Math.max(open, close) + (long) (random.nextDouble() * 0.0004 * open);
            long low = Math.min(open, close) - (long) (random.nextDouble() * 0.0004 * open);
            long volume = 1_000_000L + random.nextLong(5_000_000_000L);
            long trades = 10 + random.nextLong(2_000);
            long quote = BigDecimal.valueOf(volume).multiply(BigDecimal.valueOf(close))
                    .movePointLeft(SCALE).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            builder.add(firstOpenTime + i * MINUTE, new long[] {
                open, high, low, close, volume, quote, trades, volume / 2, quote / 2});
            price = close;
        }
        return builder.build("generated " + symbol);
    }

    public String symbol() {
        return symbol;
    }

    public int size() {
        return openTime.length;
    }

    public long openTime(int index) {
        return openTime[index];
    }

    public long firstOpenTime() {
        return openTime[0];
    }

    public long lastOpenTime() {
        return openTime[openTime.length - 1];
    }

    long value(Field field, int index) {
        return values[field.ordinal()][index];
    }

    public BigDecimal open(int index) {
        return BigDecimal.valueOf(value(Field.OPEN, index), SCALE);
    }

    public BigDecimal high(int index) {
        return BigDecimal.valueOf(value(Field.HIGH, index), SCALE);
    }

    public BigDecimal low(int index) {
        return BigDecimal.valueOf(value(Field.LOW, index), SCALE);
    }

    public BigDecimal close(int index) {
        return BigDecimal.valueOf(value(Field.CLOSE, index), SCALE);
    }

    public BigDecimal volume(int index) {
        return BigDecimal.valueOf(value(Field.VOLUME, index), SCALE);
    }

    /** Index of the first candle opening at or after {@code time}; {@link #size()} if none. */
    public int indexAtOrAfter(long time) {
        int i = Arrays.binarySearch(openTime, time);
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the last candle opening at or before {@code time}; -1 if none. */
    public int indexAtOrBefore(long time) {
        int i = Arrays.binarySearch(openTime, time);
        return i >= 0 ? i : -i - 2;
    }

    /** A decimal string with Binance's eight decimals. */
    static String decimal(long scaled) {
        return BigDecimal.valueOf(scaled, SCALE).toPlainString();
    }

    private static final class Builder {

        private final String symbol;
        private long[] times;
        private long[][] values = new long[Field.values().length][];
        private int size;

        Builder(String symbol, int capacity) {
            this.symbol = symbol;
            this.times = new long[Math.max(16, capacity)];
            for (int f = 0; f < values.length; f++) {
                values[f] = new long[times.length];
            }
        }

        void add(String[] row) {
            if (row.length != 7 && row.length != 12) {
                throw new IllegalArgumentException("expected 7 or 12 columns, found " + row.length);
            }
            long open = millis(Long.parseLong(row[0].trim()));
            long close = millis(Long.parseLong(row[6].trim()));
            if (close != open + MINUTE - 1) {
                throw new IllegalArgumentException("not a 1-minute candle: open " + open + ", close " + close);
            }
            long[] v = new long[Field.values().length];
            for (int c = 1; c <= 5; c++) {
                v[c - 1] = scaled(row[c]);
            }
            if (row.length == 12) {
                v[Field.QUOTE_VOLUME.ordinal()] = scaled(row[7]);
                v[Field.TRADES.ordinal()] = Long.parseLong(row[8].trim());
                v[Field.TAKER_BASE.ordinal()] = scaled(row[9]);
                v[Field.TAKER_QUOTE.ordinal()] = scaled(row[10]);
            }
            add(open, v);
        }

        void add(long open, long[] v) {
            if (size > 0 && open <= times[size - 1]) {
                throw new IllegalArgumentException("open time " + open + " not after " + times[size - 1]);
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                for (int f = 0; f < values.length; f++) {
                    values[f] = Arrays.copyOf(values[f], size * 2);
                }
            }
            times[size] = open;
            for (int f = 0; f < values.length; f++) {
                values[f][size] = v[f];
            }
            size++;
        }

        CandleSeries build(String name) {
            if (size == 0) {
                throw new IllegalArgumentException(name + " holds no candles");
            }
            long[][] trimmed = new long[values.length][];
            for (int f = 0; f < values.length; f++) {
                trimmed[f] = Arrays.copyOf(values[f], size);
            }
            return new CandleSeries(symbol, Arrays.copyOf(times, size), trimmed);
        }

        /** Binance's dumps switched to microseconds in 2025; a millisecond time stays below 10^14 until year 5138. */
        private static long millis(long time) {
            return time >= 100_000_000_000_000L ? time / 1000 : time;
        }

        private static long scaled(String decimal) {
            return new BigDecimal(decimal.trim()).setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue()
                    .longValueExact();
        }
    }
}
