package io.trendline.ingestion.sink;

import io.trendline.ingestion.store.InvalidKlineException;
import io.trendline.ingestion.store.KlineRow;
import io.trendline.ingestion.store.ScaledDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of one candle record as a parser finds them, reused from record to record, and the rules a record on
 * the closed-candle topic must meet beyond those of {@link KlineRow}. Both of {@link KlineRowDeserializer}'s parsers
 * fill it, so they refuse the same records for the same reasons.
 */
final class KlineFields {

    /** The decimal fields in index order: four Decimal(18, 8) prices, then four Decimal(38, 8) volumes. */
    static final List<String> DECIMALS = List.of("open", "high", "low", "close", "volume", "quoteVolume",
            "takerBuyBaseVolume", "takerBuyQuoteVolume");
    private static final int VOLUME = 4;
    private static final int ALL_REQUIRED = 127;
    private static final int ALL_OPTIONAL = 15;

    String symbol;
    String interval;
    Boolean closed;
    long closeTime;
    private long openTime;
    private long trades;
    /** open, high, low, close (Decimal(18, 8)); volume, quote volume, taker buy base and quote volume (low halves). */
    private final long[] decimals = new long[8];
    /** The high halves of the four volumes. */
    private final long[] high = new long[4];
    private int required;
    private int present;

    KlineFields clear() {
        symbol = null;
        interval = null;
        closed = null;
        openTime = 0;
        closeTime = 0;
        trades = 0;
        Arrays.fill(decimals, 0);
        Arrays.fill(high, 0);
        required = 0;
        present = 0;
        return this;
    }

    void symbol(String value) {
        symbol = value;
        required |= 1;
    }

    void openTime(long value) {
        openTime = value;
        required |= 2;
    }

    void trades(long value) {
        trades = value;
        present |= 1;
    }

    /** The index of a decimal field for {@link #decimal}, or -1 when {@code field} is none. */
    static int decimalIndex(String field) {
        return DECIMALS.indexOf(field);
    }

    /** A decimal field from its text; throws NumberFormatException for text that is no number or does not fit. */
    void decimal(int index, CharSequence text, int offset, int length) {
        if (index < VOLUME) {
            decimals[index] = ScaledDecimal.toDecimal64(text, offset, length);
            required |= 4 << index;
        } else {
            decimals[index] = ScaledDecimal.toDecimal128(text, offset, length, high, index - VOLUME);
            if (index == VOLUME) {
                required |= 64;
            } else {
                present |= 1 << (index - VOLUME);
            }
        }
    }

    KlineRow toRow() {
        if (required != ALL_REQUIRED) {
            throw new InvalidKlineException("missing field: symbol, openTime, open, high, low, close and volume are"
                    + " required");
        }
        if (!"1m".equals(interval)) {
            throw new InvalidKlineException("only 1m candles belong here, got interval " + interval);
        }
        if (closeTime != openTime + KlineRow.MINUTE - 1) {
            throw new InvalidKlineException("close time " + closeTime + " is not open time " + openTime
                    + " + 59999 ms");
        }
        if (!Boolean.TRUE.equals(closed)) {
            throw new InvalidKlineException("candle " + symbol + " at " + openTime + " is not closed");
        }
        return new KlineRow(symbol, openTime, decimals[0], decimals[1], decimals[2], decimals[3], decimals[4],
                high[0], decimals[5], high[1], trades, decimals[6], high[2], decimals[7], high[3],
                present == ALL_OPTIONAL ? KlineRow.COMPLETE : KlineRow.OHLCV_ONLY);
    }
}
