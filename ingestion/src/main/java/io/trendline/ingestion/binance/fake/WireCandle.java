package io.trendline.ingestion.binance.fake;

import com.fasterxml.jackson.core.JsonGenerator;
import io.trendline.ingestion.binance.fake.CandleSeries.Field;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One candle as the fake puts it on the wire: final, or the part of it that the replay clock has reached. */
record WireCandle(String symbol, long openTime, String open, String high, String low, String close, String volume,
                  String quoteVolume, long trades, String takerBase, String takerQuote, boolean closed) {

    long closeTime() {
        return openTime + CandleSeries.MINUTE - 1;
    }

    static WireCandle closed(CandleSeries series, int i) {
        return new WireCandle(series.symbol(), series.openTime(i), dec(series, Field.OPEN, i),
                dec(series, Field.HIGH, i), dec(series, Field.LOW, i), dec(series, Field.CLOSE, i),
                dec(series, Field.VOLUME, i), dec(series, Field.QUOTE_VOLUME, i), series.value(Field.TRADES, i),
                dec(series, Field.TAKER_BASE, i), dec(series, Field.TAKER_QUOTE, i), true);
    }

    /**
     * The candle as it stands {@code now} (before its close): the price moves in a straight line from the open
     * towards the final close, volumes grow in proportion to the elapsed time. The final update equals the file.
     */
    static WireCandle inProgress(CandleSeries series, int i, long now) {
        BigDecimal part = BigDecimal.valueOf(now - series.openTime(i))
                .divide(BigDecimal.valueOf(CandleSeries.MINUTE), 12, RoundingMode.HALF_EVEN);
        long open = series.value(Field.OPEN, i);
        long close = open + scale(series.value(Field.CLOSE, i) - open, part);
        return new WireCandle(series.symbol(), series.openTime(i), CandleSeries.decimal(open),
                CandleSeries.decimal(Math.max(open, close)), CandleSeries.decimal(Math.min(open, close)),
                CandleSeries.decimal(close), partOf(series, Field.VOLUME, i, part),
                partOf(series, Field.QUOTE_VOLUME, i, part), scale(series.value(Field.TRADES, i), part),
                partOf(series, Field.TAKER_BASE, i, part), partOf(series, Field.TAKER_QUOTE, i, part), false);
    }

    /** A row of the REST answer: {@code [t, "o", "h", "l", "c", "v", T, "q", n, "V", "Q", "0"]}. */
    void writeRestRow(JsonGenerator json, long timeFactor) throws IOException {
        json.writeStartArray();
        json.writeNumber(openTime * timeFactor);
        json.writeString(open);
        json.writeString(high);
        json.writeString(low);
        json.writeString(close);
        json.writeString(volume);
        json.writeNumber(closeTime() * timeFactor + (timeFactor - 1));
        json.writeString(quoteVolume);
        json.writeNumber(trades);
        json.writeString(takerBase);
        json.writeString(takerQuote);
        json.writeString("0");
        json.writeEndArray();
    }

    /** The kline event payload ({@code "e":"kline"}), fields in Binance's order. */
    void writeStreamEvent(JsonGenerator json, long eventTime) throws IOException {
        json.writeStartObject();
        json.writeStringField("e", "kline");
        json.writeNumberField("E", eventTime);
        json.writeStringField("s", symbol);
        json.writeObjectFieldStart("k");
        json.writeNumberField("t", openTime);
        json.writeNumberField("T", closeTime());
        json.writeStringField("s", symbol);
        json.writeStringField("i", "1m");
        // Candle files hold no trade ids; Binance sends -1 for both when it has none.
        json.writeNumberField("f", -1);
        json.writeNumberField("L", -1);
        json.writeStringField("o", open);
        json.writeStringField("c", close);
        json.writeStringField("h", high);
        json.writeStringField("l", low);
        json.writeStringField("v", volume);
        json.writeNumberField("n", trades);
        json.writeBooleanField("x", closed);
        json.writeStringField("q", quoteVolume);
        json.writeStringField("V", takerBase);
        json.writeStringField("Q", takerQuote);
        json.writeStringField("B", "0");
        json.writeEndObject();
        json.writeEndObject();
    }

    private static String dec(CandleSeries series, Field field, int i) {
        return CandleSeries.decimal(series.value(field, i));
    }

    private static String partOf(CandleSeries series, Field field, int i, BigDecimal part) {
        return CandleSeries.decimal(scale(series.value(field, i), part));
    }

    private static long scale(long value, BigDecimal part) {
        return BigDecimal.valueOf(value).multiply(part).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
