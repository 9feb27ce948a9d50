package io.trendline.query.market;

import io.trendline.api.market.CandleInterval;

/** The statement behind every candle query; public so the candles-api benchmark can send it straight to ClickHouse. */
public final class CandleSql {

    private CandleSql() {
    }

    /**
     * Bars of a symbol in [from, to), oldest first, at most limit: columns t (epoch ms), open, high, low, close,
     * volume. The symbol must already be checked against {@code [A-Z0-9]{2,20}}: it is written into the text.
     */
    public static String bars(String symbol, CandleInterval interval, long from, long to, int limit) {
        String where = " FROM klines_1m FINAL WHERE symbol = '" + symbol + "' AND open_time >= "
                + "fromUnixTimestamp64Milli(" + from + ", 'UTC') AND open_time < fromUnixTimestamp64Milli(" + to
                + ", 'UTC')";
        if (interval == CandleInterval.M1) {
            return "SELECT toUnixTimestamp64Milli(open_time) AS t, open, high, low, close, volume" + where
                    + " ORDER BY open_time LIMIT " + limit;
        }
        long step = interval.millis();
        long offset = interval.offset();
        return "SELECT intDiv(toUnixTimestamp64Milli(open_time) - " + offset + ", " + step + ") * " + step + " + "
                + offset + " AS t, argMin(open, open_time), max(high), min(low), argMax(close, open_time), "
                + "sum(volume)" + where + " GROUP BY t ORDER BY t LIMIT " + limit;
    }
}
