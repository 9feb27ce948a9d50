package io.trendline.ingestion.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendline.api.market.Kline;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Binance's kline formats (REST rows and stream events) read into {@link Kline}s, with the reason when they fail. */
final class BinanceKlines {

    static final String INTERVAL = "1m";
    static final long MINUTE = 60_000;

    /** A stream message that cannot be a valid 1-minute kline of a subscribed symbol. */
    static final class MalformedMessageException extends Exception {
        MalformedMessageException(String reason) {
            super(reason);
        }
    }

    private BinanceKlines() {
    }

    /**
     * Reads a {@code /api/v3/klines} answer: {@code [[t, "o", "h", "l", "c", "v", T, "q", n, "V", "Q", "0"], …]}.
     * REST rows do not say whether a candle is final; the caller knows and says so.
     */
    static List<Kline> fromRest(ObjectMapper mapper, String symbol, byte[] body, boolean closed) throws IOException {
        JsonNode rows = mapper.readTree(body);
        if (rows == null || !rows.isArray()) {
            throw new IOException("klines answer is not a JSON array");
        }
        List<Kline> klines = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            if (!row.isArray() || row.size() < 11 || !row.get(0).canConvertToLong() || !row.get(6).canConvertToLong()) {
                throw new IOException("unexpected klines row: " + row);
            }
            klines.add(new Kline(symbol, INTERVAL, row.get(0).asLong(), row.get(6).asLong(), decimal(row.get(1)),
                    decimal(row.get(2)), decimal(row.get(3)), decimal(row.get(4)), decimal(row.get(5)),
                    decimal(row.get(7)), row.get(8).asLong(), decimal(row.get(9)), decimal(row.get(10)), closed));
        }
        return klines;
    }

    /**
     * Reads one stream message: the combined wrapper {@code {"stream":"btcusdt@kline_1m","data":{…}}} or a raw kline
     * event. Checks what the collector relies on: the event type, the interval, the symbol, a minute-aligned open
     * time with {@code T = t + 59,999}, decimals that parse, and {@code low ≤ open, close ≤ high}.
     */
    static Kline fromStream(ObjectMapper mapper, String text, Set<String> symbols) throws MalformedMessageException {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedMessageException("not a JSON object");
        }
        JsonNode data = root;
        String stream = null;
        if (root.has("data")) {
            stream = text(root, "stream");
            data = root.get("data");
            if (!data.isObject()) {
                throw new MalformedMessageException("field 'data' is not an object");
            }
        }
        String event = text(data, "e");
        if (!"kline".equals(event)) {
            throw new MalformedMessageException("unexpected event type '" + event + "'");
        }
        JsonNode k = data.get("k");
        if (k == null || !k.isObject()) {
            throw new MalformedMessageException("missing object 'k'");
        }
        String symbol = text(k, "s");
        if (!symbol.equals(text(data, "s"))) {
            throw new MalformedMessageException("symbol of the event and of the kline differ");
        }
        if (!symbols.contains(symbol)) {
            throw new MalformedMessageException("symbol " + symbol + " was not subscribed");
        }
        if (stream != null && !stream.equals(symbol.toLowerCase() + "@kline_" + INTERVAL)) {
            throw new MalformedMessageException("stream '" + stream + "' does not match symbol " + symbol);
        }
        String interval = text(k, "i");
        if (!INTERVAL.equals(interval)) {
            throw new MalformedMessageException("unexpected interval '" + interval + "'");
        }
        long openTime = integer(k, "t");
        long closeTime = integer(k, "T");
        if (openTime % MINUTE != 0 || closeTime != openTime + MINUTE - 1) {
            throw new MalformedMessageException("times t=" + openTime + " T=" + closeTime + " are not one minute");
        }
        JsonNode closed = k.get("x");
        if (closed == null || !closed.isBoolean()) {
            throw new MalformedMessageException("field 'k.x' is not a boolean");
        }
        Kline kline = new Kline(symbol, INTERVAL, openTime, closeTime, decimal(k, "o"), decimal(k, "h"),
                decimal(k, "l"), decimal(k, "c"), decimal(k, "v"), decimal(k, "q"), integer(k, "n"),
                decimal(k, "V"), decimal(k, "Q"), closed.booleanValue());
        if (kline.low().compareTo(kline.open().min(kline.close())) > 0
                || kline.high().compareTo(kline.open().max(kline.close())) < 0
                || kline.volume().signum() < 0) {
            throw new MalformedMessageException("inconsistent candle: o=" + kline.open() + " h=" + kline.high()
                    + " l=" + kline.low() + " c=" + kline.close() + " v=" + kline.volume());
        }
        return kline;
    }

    /** The symbol a message is about, if it can be told, to key its dead letter by. */
    static String symbolOf(ObjectMapper mapper, String text) {
        try {
            JsonNode root = mapper.readTree(text);
            JsonNode data = root != null && root.has("data") ? root.get("data") : root;
            JsonNode s = data == null ? null : data.get("s");
            return s != null && s.isTextual() ? s.textValue() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) throws MalformedMessageException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedMessageException("field '" + field + "' is missing or not a string");
        }
        return value.textValue();
    }

    private static long integer(JsonNode node, String field) throws MalformedMessageException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MalformedMessageException("field 'k." + field + "' is missing or not an integer");
        }
        return value.longValue();
    }

    private static BigDecimal decimal(JsonNode node, String field) throws MalformedMessageException {
        JsonNode value = node.get(field);
        try {
            return decimal(value);
        } catch (IOException e) {
            throw new MalformedMessageException("field 'k." + field + "' is not a decimal string: " + value);
        }
    }

    private static BigDecimal decimal(JsonNode value) throws IOException {
        if (value == null || !value.isTextual()) {
            throw new IOException("expected a decimal string, found " + value);
        }
        try {
            return new BigDecimal(value.textValue());
        } catch (NumberFormatException e) {
            throw new IOException("expected a decimal string, found " + value, e);
        }
    }
}
