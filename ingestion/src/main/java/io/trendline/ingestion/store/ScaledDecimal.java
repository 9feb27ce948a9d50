package io.trendline.ingestion.store;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact decimal text (Binance's prices and quantities, at most 8 decimals) to the scaled integers ClickHouse stores
 * for {@code Decimal(P, 8)}. Hand-written for the common case, digits and a point, because it runs for eight fields of
 * every candle on the sink's and the import's hot paths and BigDecimal's parser allocates several objects per value;
 * anything unusual (an exponent, more than 18 digits) goes through BigDecimal.
 */
public final class ScaledDecimal {

    public static final int SCALE = 8;
    private static final long SAFE = Long.MAX_VALUE / 10 - 9;
    private static final BigInteger LONG_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    /** Largest value of Decimal(18, 8), scaled. */
    private static final long MAX_DECIMAL64 = 999_999_999_999_999_999L;
    private static final BigInteger MAX_DECIMAL128 = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);

    private ScaledDecimal() {
    }

    /** A value for Decimal(18, 8): the number times 10^8. */
    public static long toDecimal64(CharSequence text) {
        return toDecimal64(text, 0, text.length());
    }

    public static long toDecimal64(CharSequence text, int offset, int length) {
        long value = fast(text, offset, length);
        if (value == Long.MIN_VALUE) {
            BigInteger big = slow(text, offset, length);
            if (big.bitLength() > 63) {
                throw outOfRange(text, offset, length, "Decimal(18, 8)");
            }
            value = big.longValue();
        }
        if (value > MAX_DECIMAL64 || value < -MAX_DECIMAL64) {
            throw outOfRange(text, offset, length, "Decimal(18, 8)");
        }
        return value;
    }

    /**
     * A value for Decimal(38, 8): the number times 10^8 as a 128-bit two's complement integer, low half returned and
     * high half stored in {@code high[index]}.
     */
    public static long toDecimal128(CharSequence text, int offset, int length, long[] high, int index) {
        long value = fast(text, offset, length);
        if (value != Long.MIN_VALUE) {
            high[index] = value < 0 ? -1 : 0;
            return value;
        }
        BigInteger big = slow(text, offset, length);
        if (big.abs().compareTo(MAX_DECIMAL128) > 0) {
            throw outOfRange(text, offset, length, "Decimal(38, 8)");
        }
        high[index] = big.shiftRight(64).longValue();
        return big.and(LONG_MASK).longValue();
    }

    /** Back from a scaled 128-bit value to the decimal number, for tests and logs. */
    public static BigDecimal fromDecimal128(long low, long high) {
        BigInteger big = BigInteger.valueOf(high).shiftLeft(64).add(BigInteger.valueOf(low).and(LONG_MASK));
        return new BigDecimal(big, SCALE);
    }

    /** Digits with an optional sign and point; Long.MIN_VALUE when the text needs the slow path. */
    private static long fast(CharSequence text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = false;
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (decimals >= 0) {
                    if (decimals == SCALE) {
                        if (c != '0') {
                            throw new NumberFormatException("more than " + SCALE + " decimals: "
                                    + text.subSequence(offset, end));
                        }
                        continue;
                    }
                    decimals++;
                }
                if (value > SAFE) {
                    return Long.MIN_VALUE;
                }
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return Long.MIN_VALUE;
            }
        }
        if (digits == 0) {
            throw new NumberFormatException("not a number: '" + text.subSequence(offset, end) + "'");
        }
        for (int d = Math.max(decimals, 0); d < SCALE; d++) {
            if (value > SAFE) {
                return Long.MIN_VALUE;
            }
            value *= 10;
        }
        return negative ? -value : value;
    }

    private static BigInteger slow(CharSequence text, int offset, int length) {
        String plain = text.subSequence(offset, offset + length).toString();
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not a number: '" + plain + "'");
        }
        try {
            return decimal.setScale(SCALE).unscaledValue();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("more than " + SCALE + " decimals: " + decimal.toPlainString());
        }
    }

    private static NumberFormatException outOfRange(CharSequence text, int offset, int length, String type) {
        return new NumberFormatException(text.subSequence(offset, offset + length) + " does not fit " + type);
    }
}
