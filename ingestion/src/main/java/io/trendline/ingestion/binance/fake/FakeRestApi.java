package io.trendline.ingestion.binance.fake;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/v3/klines} as Binance answers it (see {@code shared/data/binance-api/FORMAT.md}): parameters,
 * chronological order, the candle in progress as the last one, weight 2 with {@code X-MBX-USED-WEIGHT-1M}, error
 * bodies {@code {"code":…,"msg":…}}. Only the {@code 1m} interval is served; any other valid interval answers
 * "Invalid interval." and a {@code limit} outside 1..1000 is refused rather than clamped.
 */
final class FakeRestApi implements HttpHandler {

    static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
    private static final long KLINES_WEIGHT = 2;
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 1000;

    private final Map<String, CandleSeries> series;
    private final Clock clock;
    private final RequestWeight weight;
    private final FakeBinance.Faults faults;
    private final FakeBinance.Stats stats;
    private final JsonFactory json = new JsonFactory();

    FakeRestApi(Map<String, CandleSeries> series, Clock clock, RequestWeight weight, FakeBinance.Faults faults,
                FakeBinance.Stats stats) {
        this.series = series;
        this.clock = clock;
        this.weight = weight;
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            stats.restRequests.incrementAndGet();
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error(-1000, "Method not allowed."), weight.used());
                return;
            }
            RequestWeight.Verdict verdict = weight.admit(KLINES_WEIGHT);
            FakeBinance.Failure forced = verdict.status() == 200 ? faults.nextRestFailure() : null;
            if (forced != null) {
                answerForced(exchange, forced, verdict.usedWeight());
            } else if (verdict.status() != 200) {
                answerLimited(exchange, verdict);
            } else {
                answerKlines(exchange, verdict.usedWeight());
            }
        }
    }

    private void answerLimited(HttpExchange exchange, RequestWeight.Verdict verdict) throws IOException {
        if (verdict.status() == 418) {
            stats.restBans.incrementAndGet();
        } else {
            stats.restTooManyRequests.incrementAndGet();
        }
        exchange.getResponseHeaders().set("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        String message = verdict.status() == 418
                ? "Way too many requests; IP(127.0.0.1) banned until " + (System.currentTimeMillis()
                        + verdict.retryAfterSeconds() * 1000) + ". Please use the websocket for live updates to "
                        + "avoid bans."
                : "Too many requests; current limit of IP(127.0.0.1) is exceeded. Please use WebSocket Streams for "
                        + "live updates to avoid polling the API.";
        send(exchange, verdict.status(), error(-1003, message), verdict.usedWeight());
    }

    private void answerForced(HttpExchange exchange, FakeBinance.Failure failure, long used) throws IOException {
        if (failure.status() == 429 || failure.status() == 418) {
            weight.backOff(failure.retryAfter());
            answerLimited(exchange, new RequestWeight.Verdict(failure.status(), used,
                    Math.max(1, failure.retryAfter().toSeconds())));
            return;
        }
        stats.restServerErrors.incrementAndGet();
        send(exchange, failure.status(), error(-1001, "Internal error; unable to process your request. Please try "
                + "again."), used);
    }

    private void answerKlines(HttpExchange exchange, long used) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String symbol = q.get("symbol");
        String interval = q.get("interval");
        if (symbol == null || symbol.isEmpty()) {
            send(exchange, 400, mandatory("symbol"), used);
            return;
        }
        if (interval == null || interval.isEmpty()) {
            send(exchange, 400, mandatory("interval"), used);
            return;
        }
        CandleSeries candles = series.get(symbol);
        if (candles == null) {
            send(exchange, 400, error(-1121, "Invalid symbol."), used);
            return;
        }
        if (!"1m".equals(interval)) {
            // Other intervals are valid on Binance but not served here; Binance's answer to an unknown one.
            send(exchange, 400, error(-1120, "Invalid interval."), used);
            return;
        }
        Long start;
        Long end;
        int limit;
        try {
            start = number(q, "startTime");
            end = number(q, "endTime");
            Long l = number(q, "limit");
            limit = l == null ? DEFAULT_LIMIT : l.intValue();
            if (l != null && (l < 1 || l > MAX_LIMIT)) {
                send(exchange, 400, error(-1130, "Data sent for parameter 'limit' is not valid."), used);
                return;
            }
        } catch (NumberFormatException e) {
            send(exchange, 400, error(-1100, "Illegal characters found in parameter '" + e.getMessage()
                    + "'; legal range is '^[0-9]{1,20}$'."), used);
            return;
        }
        boolean micros = "MICROSECOND".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-MBX-TIME-UNIT"));
        if (micros) {
            start = start == null ? null : start / 1000;
            end = end == null ? null : end / 1000;
        }
        if (start != null && end != null && start > end) {
            send(exchange, 400, error(-1023, "Start time is greater than end time."), used);
            return;
        }
        send(exchange, 200, klines(candles, start, end, limit, micros ? 1000 : 1), used);
    }

    private byte[] klines(CandleSeries candles, Long start, Long end, int limit, long timeFactor) throws IOException {
        long now = clock.millis();
        // Only what exists by now: candles that opened at or before the clock; the last may be in progress.
        int visibleTo = candles.indexAtOrBefore(Math.min(now, end == null ? Long.MAX_VALUE : end));
        int from;
        int to;
        if (start != null) {
            from = candles.indexAtOrAfter(start);
            to = Math.min(visibleTo, from + limit - 1);
        } else {
            to = visibleTo;
            from = Math.max(0, to - limit + 1);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(64, (to - from + 1) * 160));
        try (JsonGenerator out = json.createGenerator(body, JsonEncoding.UTF8)) {
            out.writeStartArray();
            for (int i = from; i <= to; i++) {
                boolean closed = candles.openTime(i) + CandleSeries.MINUTE <= now;
                WireCandle candle = closed ? WireCandle.closed(candles, i) : WireCandle.inProgress(candles, i, now);
                candle.writeRestRow(out, timeFactor);
            }
            out.writeEndArray();
        }
        return body.toByteArray();
    }

    private static Long number(Map<String, String> q, String name) {
        String value = q.get(name);
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > 20 || !value.chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException(name);
        }
        return Long.parseLong(value);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(key, value);
        }
        return q;
    }

    private static byte[] mandatory(String parameter) {
        return error(-1102, "Mandatory parameter '" + parameter + "' was not sent, was empty/null, or malformed.");
    }

    private static byte[] error(int code, String message) {
        return ("{\"code\":" + code + ",\"msg\":\"" + message.replace("\"", "\\\"") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, long used) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.getResponseHeaders().set(WEIGHT_HEADER, Long.toString(used));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
