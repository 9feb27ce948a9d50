package io.trendline.ingestion.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Candles gathered column by column and written as one block of ClickHouse's Native format. Native rather than
 * RowBinary because the engine takes a column straight into memory instead of decoding row by row: measured on the
 * local engine with 261,416 candles, parsing took 14 ms instead of 134 ms and the whole insert over HTTP 170-240 ms
 * instead of 320-370 ms. The encoder is written out here because the driver offers only row formats, and the format
 * for this fixed set of types is a few lines: per column its name, its type and the values, little-endian.
 *
 * <p>Not thread-safe; reuse one per writer thread with {@link #clear()}.
 */
public final class KlineColumns {

    /** The columns of {@code klines_1m} in the order written. */
    public static final List<String> NAMES = List.of("symbol", "open_time", "open", "high", "low", "close", "volume",
            "quote_volume", "trades", "taker_buy_base_volume", "taker_buy_quote_volume", "completeness");
    private static final String[] TYPES = {"String", "DateTime64(3, 'UTC')", "Decimal(18, 8)", "Decimal(18, 8)",
        "Decimal(18, 8)", "Decimal(18, 8)", "Decimal(38, 8)", "Decimal(38, 8)", "UInt64", "Decimal(38, 8)",
        "Decimal(38, 8)", "UInt8"};
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private int size;
    private String[] symbols;
    private long[] openTime;
    private long[] open;
    private long[] high;
    private long[] low;
    private long[] close;
    private long[] volume;
    private long[] quoteVolume;
    private long[] trades;
    private long[] takerBase;
    private long[] takerQuote;
    private byte[] completeness;
    private byte[] buffer = new byte[1 << 16];

    public KlineColumns(int capacity) {
        allocate(Math.max(capacity, 16));
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public void add(KlineRow row) {
        if (size == openTime.length) {
            grow();
        }
        int i = size++;
        symbols[i] = row.symbol();
        openTime[i] = row.openTime();
        open[i] = row.open();
        high[i] = row.high();
        low[i] = row.low();
        close[i] = row.close();
        volume[2 * i] = row.volume();
        volume[2 * i + 1] = row.volumeHigh();
        quoteVolume[2 * i] = row.quoteVolume();
        quoteVolume[2 * i + 1] = row.quoteVolumeHigh();
        trades[i] = row.trades();
        takerBase[2 * i] = row.takerBuyBase();
        takerBase[2 * i + 1] = row.takerBuyBaseHigh();
        takerQuote[2 * i] = row.takerBuyQuote();
        takerQuote[2 * i + 1] = row.takerBuyQuoteHigh();
        completeness[i] = (byte) row.completeness();
    }

    /** Writes the rows as one Native block: column count, row count, then each column's name, type and values. */
    public void writeNative(OutputStream out) throws IOException {
        Sink sink = new Sink(out);
        sink.varint(NAMES.size());
        sink.varint(size);
        for (int c = 0; c < NAMES.size(); c++) {
            sink.string(NAMES.get(c));
            sink.string(TYPES[c]);
            switch (c) {
                case 0 -> {
                    for (int i = 0; i < size; i++) {
                        sink.string(symbols[i]);
                    }
                }
                case 1 -> sink.longs(openTime, size);
                case 2 -> sink.longs(open, size);
                case 3 -> sink.longs(high, size);
                case 4 -> sink.longs(low, size);
                case 5 -> sink.longs(close, size);
                case 6 -> sink.longs(volume, 2 * size);
                case 7 -> sink.longs(quoteVolume, 2 * size);
                case 8 -> sink.longs(trades, size);
                case 9 -> sink.longs(takerBase, 2 * size);
                case 10 -> sink.longs(takerQuote, 2 * size);
                default -> sink.bytes(completeness, size);
            }
        }
        sink.flush();
    }

    private void allocate(int capacity) {
        symbols = new String[capacity];
        openTime = new long[capacity];
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
        volume = new long[2 * capacity];
        quoteVolume = new long[2 * capacity];
        trades = new long[capacity];
        takerBase = new long[2 * capacity];
        takerQuote = new long[2 * capacity];
        completeness = new byte[capacity];
    }

    private void grow() {
        int capacity = openTime.length * 2;
        symbols = Arrays.copyOf(symbols, capacity);
        openTime = Arrays.copyOf(openTime, capacity);
        open = Arrays.copyOf(open, capacity);
        high = Arrays.copyOf(high, capacity);
        low = Arrays.copyOf(low, capacity);
        close = Arrays.copyOf(close, capacity);
        volume = Arrays.copyOf(volume, 2 * capacity);
        quoteVolume = Arrays.copyOf(quoteVolume, 2 * capacity);
        trades = Arrays.copyOf(trades, capacity);
        takerBase = Arrays.copyOf(takerBase, 2 * capacity);
        takerQuote = Arrays.copyOf(takerQuote, 2 * capacity);
        completeness = Arrays.copyOf(completeness, capacity);
    }

    /** A little-endian writer over the reusable buffer. */
    private final class Sink {

        private final OutputStream out;
        private int pos;

        Sink(OutputStream out) {
            this.out = out;
        }

        void varint(long value) throws IOException {
            room(10);
            while ((value & ~0x7FL) != 0) {
                buffer[pos++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[pos++] = (byte) value;
        }

        void string(String value) throws IOException {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length);
            bytes(bytes, bytes.length);
        }

        void longs(long[] values, int count) throws IOException {
            for (int i = 0; i < count; i++) {
                room(8);
                LONG.set(buffer, pos, values[i]);
                pos += 8;
            }
        }

        void bytes(byte[] values, int count) throws IOException {
            int done = 0;
            while (done < count) {
                room(1);
                int n = Math.min(count - done, buffer.length - pos);
                System.arraycopy(values, done, buffer, pos, n);
                pos += n;
                done += n;
            }
        }

        private void room(int bytes) throws IOException {
            if (buffer.length - pos < bytes) {
                flush();
            }
        }

        void flush() throws IOException {
            out.write(buffer, 0, pos);
            pos = 0;
        }
    }
}
