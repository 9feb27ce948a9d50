package io.trendline.ingestion.importer;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import io.trendline.ingestion.store.CharSlice;
import io.trendline.ingestion.store.InvalidKlineException;
import io.trendline.ingestion.store.KlineRow;
import io.trendline.ingestion.store.ScaledDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns each CSV line into a {@link KlineRow} as FastCSV hands over its fields, parsing numbers straight from
 * FastCSV's buffer (no String per field). Lines with 7 columns are OHLCV only; lines with 12 are Binance's full layout.
 * Times may be epoch milliseconds or, as in Binance's dumps since 2025, microseconds: decided per value. A header
 * line is skipped; any other line that is not a valid candle is counted with its reason and skipped.
 */
final class KlineCsvHandler extends AbstractBaseCsvCallbackHandler<KlineRow> {

    /** Epoch milliseconds reach this only in the year 5138, epoch microseconds passed it in 1973. */
    static final long MICROSECONDS_FROM = 100_000_000_000_000L;
    private static final int KEPT_REJECTIONS = 10;

    private final String symbol;
    private final CharSlice slice = new CharSlice();
    private final long[] values = new long[12];
    private final long[] high = new long[12];
    private final List<String> rejections = new ArrayList<>();
    private long rejected;
    private String error;
    private boolean numericFirstField;
    private long line;

    KlineCsvHandler(String symbol) {
        this.symbol = symbol;
    }

    long rejected() {
        return rejected;
    }

    List<String> rejections() {
        return List.copyOf(rejections);
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        line = startingLineNumber;
        error = null;
        numericFirstField = true;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
        if (error != null || index >= 12) {
            return;
        }
        try {
            switch (index) {
                case 0, 6 -> values[index] = integer(buf, offset, length, index == 0);
                case 8 -> values[index] = integer(buf, offset, length, false);
                case 1, 2, 3, 4 -> values[index] = ScaledDecimal.toDecimal64(slice.set(buf, offset, length));
                case 5, 7, 9, 10 -> values[index] = ScaledDecimal.toDecimal128(slice.set(buf, offset, length), 0,
                        length, high, index);
                default -> {
                    // column 12, "ignore"
                }
            }
        } catch (NumberFormatException e) {
            error = "column " + (index + 1) + ": " + e.getMessage();
        }
    }

    @Override
    protected KlineRow buildRecord() {
        int fields = getFieldCount();
        if (line == 1 && !numericFirstField) {
            return null; // header
        }
        if (error == null && fields != 7 && fields != 12) {
            error = "expected 7 or 12 columns, found " + fields;
        }
        if (error != null) {
            reject(error);
            return null;
        }
        long openTime = millis(values[0]);
        long closeTime = millis(values[6]);
        if (closeTime != openTime + KlineRow.MINUTE - 1) {
            reject("not a 1-minute candle: close time " + values[6] + " is not open time " + values[0]
                    + " + 1 minute - 1 ms");
            return null;
        }
        boolean complete = fields == 12;
        try {
            return new KlineRow(symbol, openTime, values[1], values[2], values[3], values[4], values[5], high[5],
                    complete ? values[7] : 0, complete ? high[7] : 0, complete ? values[8] : 0,
                    complete ? values[9] : 0, complete ? high[9] : 0, complete ? values[10] : 0,
                    complete ? high[10] : 0, complete ? KlineRow.COMPLETE : KlineRow.OHLCV_ONLY);
        } catch (InvalidKlineException e) {
            reject(e.getMessage());
            return null;
        }
    }

    private void reject(String reason) {
        rejected++;
        if (rejections.size() < KEPT_REJECTIONS) {
            rejections.add("line " + line + ": " + reason);
        }
    }

    /** Microsecond times (data dumps since 2025) to milliseconds; close times end in 999 µs, hence the floor. */
    private static long millis(long time) {
        return time >= MICROSECONDS_FROM ? Math.floorDiv(time, 1000) : time;
    }

    private long integer(char[] buf, int offset, int length, boolean first) {
        if (length == 0 || length > 18) {
            throw new NumberFormatException("not an integer: '" + new String(buf, offset, length) + "'");
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            char c = buf[i];
            if (c < '0' || c > '9') {
                if (first) {
                    numericFirstField = false;
                }
                throw new NumberFormatException("not an integer: '" + new String(buf, offset, length) + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
