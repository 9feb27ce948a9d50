package io.trendline.ingestion.store;

import io.trendline.api.market.Kline;

/**
 * One closed 1-minute candle as {@code klines_1m} stores it: prices as Decimal(18, 8) and volumes as Decimal(38, 8)
 * scaled integers (a volume is its low 64 bits plus {@code ...High}, the high 64 bits). Built only valid: a candle
 * that breaks a rule below is refused with the reason.
 *
 * @param completeness 2 when all twelve Binance fields are known, 1 for OHLCV only (quote volume, trades and taker
 *                     volumes are then 0); the table keeps the more complete copy of a minute
 */
public record KlineRow(String symbol, long openTime, long open, long high, long low, long close,
                       long volume, long volumeHigh, long quoteVolume, long quoteVolumeHigh, long trades,
                       long takerBuyBase, long takerBuyBaseHigh, long takerBuyQuote, long takerBuyQuoteHigh,
                       int completeness) {

    public static final long MINUTE = 60_000;
    public static final int OHLCV_ONLY = 1;
    public static final int COMPLETE = 2;

    public KlineRow {
        if (!isSymbol(symbol)) {
            throw new InvalidKlineException("symbol must be 2 to 20 upper-case letters or digits, was '" + symbol
                    + "'");
        }
        if (openTime <= 0 || openTime % MINUTE != 0) {
            throw new InvalidKlineException("open time " + openTime + " is not the start of a minute (epoch ms)");
        }
        if (low < 0 || low > high || open < low || open > high || close < low || close > high) {
            throw new InvalidKlineException("prices out of order at " + openTime + ": need 0 <= low <= open, close"
                    + " <= high, got open " + open + " high " + high + " low " + low + " close " + close
                    + " (x 10^-8)");
        }
        if (volumeHigh < 0 || quoteVolumeHigh < 0 || takerBuyBaseHigh < 0 || takerBuyQuoteHigh < 0 || trades < 0) {
            throw new InvalidKlineException("negative volume or trade count at " + openTime);
        }
        if (completeness != OHLCV_ONLY && completeness != COMPLETE) {
            throw new InvalidKlineException("completeness must be 1 or 2, was " + completeness);
        }
    }

    /** From the stream's record; its decimals are exact, so nothing is rounded. */
    public static KlineRow of(Kline k) {
        if (!"1m".equals(k.interval())) {
            throw new InvalidKlineException("only 1m candles are stored, got interval " + k.interval());
        }
        if (k.closeTime() != k.openTime() + MINUTE - 1) {
            throw new InvalidKlineException("close time " + k.closeTime() + " is not open time + 59999 ms");
        }
        if (!k.closed()) {
            throw new InvalidKlineException("candle at " + k.openTime() + " is not closed");
        }
        long[] high = new long[4];
        boolean complete = k.quoteVolume() != null && k.takerBuyBaseVolume() != null
                && k.takerBuyQuoteVolume() != null;
        return new KlineRow(k.symbol(), k.openTime(), dec64(k.open()), dec64(k.high()), dec64(k.low()),
                dec64(k.close()), volume(k.volume(), high), high[0], dec128(k.quoteVolume(), high, 1), high[1],
                k.trades(), dec128(k.takerBuyBaseVolume(), high, 2), high[2],
                dec128(k.takerBuyQuoteVolume(), high, 3), high[3], complete ? COMPLETE : OHLCV_ONLY);
    }

    private static long dec64(java.math.BigDecimal value) {
        if (value == null) {
            throw new InvalidKlineException("a price is missing");
        }
        String text = value.toPlainString();
        return ScaledDecimal.toDecimal64(text, 0, text.length());
    }

    private static long volume(java.math.BigDecimal value, long[] high) {
        if (value == null) {
            throw new InvalidKlineException("the volume is missing");
        }
        return dec128(value, high, 0);
    }

    private static long dec128(java.math.BigDecimal value, long[] high, int index) {
        if (value == null) {
            high[index] = 0;
            return 0;
        }
        String text = value.toPlainString();
        return ScaledDecimal.toDecimal128(text, 0, text.length(), high, index);
    }

    /** {@code [A-Z0-9]{2,20}}, checked by hand: a regular expression's matcher cost more than the rest of a row. */
    private static boolean isSymbol(String symbol) {
        if (symbol == null || symbol.length() < 2 || symbol.length() > 20) {
            return false;
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            if ((c < 'A' || c > 'Z') && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
