package io.trendline.ingestion.sink;

import io.trendline.ingestion.store.InvalidKlineException;
import io.trendline.ingestion.store.KlineRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sink's fast path: reads a candle record straight from its bytes when it is laid out as the platform's publisher
 * writes it, a flat JSON object of plain keys, plain ASCII strings, numbers ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?}),
 * booleans and nulls. Anything else (an escape, an exponent, a nested value, a broken rule) answers {@code null}, and
 * {@link KlineRowDeserializer} reads the record with Jackson, which also gives the reason a record is refused.
 *
 * <p>Hand-written because parsing was most of the sink's consumer thread with Jackson's streaming parser (JFR on
 * the kafka-sink benchmark); here a record costs one pass over its bytes and, for a symbol seen before, no
 * allocation but the row. Not thread-safe, as Kafka deserializers need not be.
 */
final class KlineJsonFastPath {

    /** The keys after the eight decimals of {@link KlineFields#DECIMALS}. */
    private static final int SYMBOL = 8;
    private static final int INTERVAL = 9;
    private static final int CLOSED = 10;
    private static final int OPEN_TIME = 11;
    private static final int CLOSE_TIME = 12;
    private static final int TRADES = 13;
    private static final int UNKNOWN = -1;
    /** Keys by index: the eight decimals of {@link KlineFields#DECIMALS}, then the rest. */
    private static final byte[][] KEYS = keys(KlineFields.DECIMALS, "symbol", "interval", "closed", "openTime",
            "closeTime", "trades");
    /** The key the publisher writes after each key (Kline's component order), tried first. */
    private static final int[] NEXT = next(SYMBOL, INTERVAL, OPEN_TIME, CLOSE_TIME, 0, 1, 2, 3, 4, 5, TRADES, 6, 7,
            CLOSED);
    private static final byte[] ONE_MINUTE = "1m".getBytes(StandardCharsets.US_ASCII);

    private final KlineFields fields = new KlineFields();
    private final AsciiSlice slice = new AsciiSlice();
    private byte[] lastSymbolBytes = new byte[0];
    private String lastSymbol;
    /** Where the value just scanned ends (exclusive); set by the scanners. */
    private int end;

    /** The row, or null when the record is not in the simple layout or breaks a rule. */
    KlineRow read(byte[] d) {
        try {
            return parse(d);
        } catch (InvalidKlineException | NumberFormatException e) {
            return null;
        }
    }

    private KlineRow parse(byte[] d) {
        int n = d.length;
        int i = skipWhitespace(d, 0);
        if (i >= n || d[i] != '{') {
            return null;
        }
        KlineFields k = fields.clear();
        int key = UNKNOWN;
        i = skipWhitespace(d, i + 1);
        if (i < n && d[i] == '}') {
            return null;
        }
        while (true) {
            // "key"
            if (i >= n || d[i] != '"' || !scanString(d, i + 1)) {
                return null;
            }
            key = key(d, i + 1, end - 1, key);
            i = skipWhitespace(d, end);
            if (i >= n || d[i] != ':') {
                return null;
            }
            i = skipWhitespace(d, i + 1);
            if (i >= n) {
                return null;
            }
            // value
            byte first = d[i];
            if (first == '"') {
                if (!scanString(d, i + 1) || !string(k, key, d, i + 1, end - 1)) {
                    return null;
                }
            } else if (first == '-' || (first >= '0' && first <= '9')) {
                if (!scanNumber(d, i) || !number(k, key, d, i, end)) {
                    return null;
                }
            } else if (matches(d, i, "true") || matches(d, i, "false")) {
                if (key == CLOSED) {
                    k.closed = first == 't';
                } else if (key != UNKNOWN) {
                    return null;
                }
            } else if (!matches(d, i, "null")) {
                return null; // an object or array: Jackson skips it
            }
            i = skipWhitespace(d, end);
            if (i >= n) {
                return null;
            }
            if (d[i] == '}') {
                break;
            }
            if (d[i] != ',') {
                return null;
            }
            i = skipWhitespace(d, i + 1);
        }
        return skipWhitespace(d, i + 1) == n ? k.toRow() : null;
    }

    private boolean string(KlineFields k, int key, byte[] d, int from, int to) {
        switch (key) {
            case SYMBOL -> k.symbol(symbol(d, from, to));
            case INTERVAL -> k.interval = Arrays.equals(d, from, to, ONE_MINUTE, 0, ONE_MINUTE.length) ? "1m"
                    : new String(d, from, to - from, StandardCharsets.US_ASCII);
            case CLOSED, OPEN_TIME, CLOSE_TIME, TRADES -> {
                return false; // Jackson reads these from text too
            }
            case UNKNOWN -> {
                // skipped
            }
            default -> k.decimal(key, slice.set(d, from, to - from), 0, to - from);
        }
        return true;
    }

    private boolean number(KlineFields k, int key, byte[] d, int from, int to) {
        switch (key) {
            case OPEN_TIME, CLOSE_TIME, TRADES -> {
                long value = integer(d, from, to);
                if (value == Long.MIN_VALUE) {
                    return false;
                }
                if (key == OPEN_TIME) {
                    k.openTime(value);
                } else if (key == CLOSE_TIME) {
                    k.closeTime = value;
                } else {
                    k.trades(value);
                }
            }
            case SYMBOL, INTERVAL, CLOSED -> {
                return false;
            }
            case UNKNOWN -> {
                // skipped
            }
            default -> k.decimal(key, slice.set(d, from, to - from), 0, to - from);
        }
        return true;
    }

    /** A symbol's String, the same instance as the last record's when the bytes are the same. */
    private String symbol(byte[] d, int from, int to) {
        if (!Arrays.equals(d, from, to, lastSymbolBytes, 0, lastSymbolBytes.length)) {
            lastSymbolBytes = Arrays.copyOfRange(d, from, to);
            lastSymbol = new String(lastSymbolBytes, StandardCharsets.US_ASCII);
        }
        return lastSymbol;
    }

    /** An integer without sign or fraction of at most 18 digits; Long.MIN_VALUE otherwise. */
    private static long integer(byte[] d, int from, int to) {
        boolean negative = d[from] == '-';
        int i = negative ? from + 1 : from;
        if (to - i > 18) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (; i < to; i++) {
            byte c = d[i];
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /** Scans a string's content from {@code from}; false for an escape, a control or non-ASCII byte, or no end. */
    private boolean scanString(byte[] d, int from) {
        for (int i = from; i < d.length; i++) {
            byte c = d[i];
            if (c == '"') {
                end = i + 1;
                return true;
            }
            if (c == '\\' || c < 0x20) { // bytes >= 0x80 are negative: not ASCII
                return false;
            }
        }
        return false;
    }

    /** Scans {@code -?(0|[1-9][0-9]*)(.[0-9]+)?}; false for anything else (exponents go to Jackson). */
    private boolean scanNumber(byte[] d, int from) {
        int n = d.length;
        int i = from;
        if (d[i] == '-') {
            i++;
        }
        int digits = i;
        while (i < n && d[i] >= '0' && d[i] <= '9') {
            i++;
        }
        if (i == digits || (d[digits] == '0' && i - digits > 1)) {
            return false;
        }
        if (i < n && d[i] == '.') {
            int fraction = ++i;
            while (i < n && d[i] >= '0' && d[i] <= '9') {
                i++;
            }
            if (i == fraction) {
                return false;
            }
        }
        if (i < n && (d[i] == 'e' || d[i] == 'E')) {
            return false;
        }
        end = i;
        return true;
    }

    private boolean matches(byte[] d, int from, String literal) {
        int length = literal.length();
        if (from + length > d.length) {
            return false;
        }
        for (int j = 0; j < length; j++) {
            if (d[from + j] != literal.charAt(j)) {
                return false;
            }
        }
        end = from + length;
        return true;
    }

    /** The key's index, trying first the one the publisher writes after {@code previous}. */
    private static int key(byte[] d, int from, int to, int previous) {
        int guess = previous == UNKNOWN ? SYMBOL : NEXT[previous];
        if (guess != UNKNOWN && Arrays.equals(d, from, to, KEYS[guess], 0, KEYS[guess].length)) {
            return guess;
        }
        for (int k = 0; k < KEYS.length; k++) {
            if (Arrays.equals(d, from, to, KEYS[k], 0, KEYS[k].length)) {
                return k;
            }
        }
        return UNKNOWN;
    }

    private static int skipWhitespace(byte[] d, int from) {
        int i = from;
        while (i < d.length && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int[] next(int... order) {
        int[] next = new int[KEYS.length];
        Arrays.fill(next, UNKNOWN);
        for (int i = 0; i + 1 < order.length; i++) {
            next[order[i]] = order[i + 1];
        }
        return next;
    }

    private static byte[][] keys(List<String> decimals, String... others) {
        List<String> names = new ArrayList<>(decimals);
        names.addAll(List.of(others));
        byte[][] keys = new byte[names.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = names.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        return keys;
    }

    /** A reusable view of ASCII bytes as characters, so decimal text reaches ScaledDecimal uncopied. */
    private static final class AsciiSlice implements CharSequence {

        private byte[] bytes = new byte[0];
        private int offset;
        private int length;

        AsciiSlice set(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) bytes[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, offset + start, end - start, StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return new String(bytes, offset, length, StandardCharsets.US_ASCII);
        }
    }
}
