package io.trendline.query.market;

import io.trendline.api.market.Candle;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the answer of {@link CandleSql#bars} in ClickHouse's {@code RowBinaryWithNamesAndTypes}: a header naming the
 * columns and their types, then per bar an Int64 and four Decimal(18, 8) prices (scaled Int64) and a Decimal(38, 8)
 * volume (scaled Int128), little-endian.
 *
 * <p>Hand-written because it is the candles API's hot path: the JDBC result set costs a column lookup by name and a
 * BigDecimal per value, and each value then had its trailing zeros stripped; here a value stays a scaled integer
 * until the one BigDecimal it becomes, already without trailing zeros (105573.73000000 reads 105573.73). The header
 * is checked against the expected types, so a changed query fails loudly instead of being misread.
 */
final class CandleRowBinary {

    static final List<String> TYPES = List.of("Int64", "Decimal(18, 8)", "Decimal(18, 8)", "Decimal(18, 8)",
            "Decimal(18, 8)", "Decimal(38, 8)");
    private static final int SCALE = 8;
    private static final int ROW_BYTES = 8 + 4 * 8 + 16;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private CandleRowBinary() {
    }

    static List<Candle> read(InputStream raw, int expectedRows) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        checkHeader(in);
        List<Candle> candles = new ArrayList<>(Math.max(0, Math.min(expectedRows, 1 << 16)));
        byte[] row = new byte[ROW_BYTES];
        while (true) {
            int n = in.readNBytes(row, 0, ROW_BYTES);
            if (n == 0) {
                return candles;
            }
            if (n < ROW_BYTES) {
                throw new EOFException("a bar was cut off after " + n + " of its " + ROW_BYTES + " bytes");
            }
            candles.add(new Candle(longAt(row, 0), decimal(longAt(row, 8)), decimal(longAt(row, 16)),
                    decimal(longAt(row, 24)), decimal(longAt(row, 32)), decimal128(longAt(row, 40), longAt(row, 48))));
        }
    }

    private static void checkHeader(InputStream in) throws IOException {
        int columns = (int) leb128(in);
        List<String> names = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            names.add(string(in));
        }
        List<String> types = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            types.add(string(in));
        }
        if (!types.equals(TYPES)) {
            throw new IOException("candle query answered columns " + names + " of types " + types + ", expected "
                    + TYPES);
        }
    }

    /** A scaled Decimal(18, 8) without its trailing zeros. */
    static BigDecimal decimal(long unscaled) {
        if (unscaled == 0) {
            return BigDecimal.ZERO;
        }
        int scale = SCALE;
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        if (scale == 0) {
            // whole numbers: at most 10^10, so no overflow; the zeros of the integer part are kept (120, not 1.2E+2)
            return BigDecimal.valueOf(unscaled);
        }
        return BigDecimal.valueOf(unscaled, scale);
    }

    /** A scaled Decimal(38, 8) without its trailing zeros; 128-bit two's complement, low half first. */
    static BigDecimal decimal128(long low, long high) {
        if (high == (low >> 63)) {
            return decimal(low);
        }
        BigInteger unscaled = BigInteger.valueOf(high).shiftLeft(64).add(BigInteger.valueOf(low >>> 1).shiftLeft(1)
                .add(BigInteger.valueOf(low & 1)));
        BigDecimal value = new BigDecimal(unscaled, SCALE).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static long longAt(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48
                | (b[i + 7] & 0xFFL) << 56;
    }

    private static long leb128(InputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the answer ended inside its header");
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("a malformed length in the answer's header");
    }

    private static String string(InputStream in) throws IOException {
        int length = (int) leb128(in);
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the answer ended inside its header");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
