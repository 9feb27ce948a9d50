package io.trendline.localstack.clickhouse;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A query request as ClickHouse's HTTP interface takes it: the statement in the {@code query} parameter, the body, or
 * a multipart form; {@code param_*} query parameters; protocol parameters and headers; and ClickHouse settings as
 * any other URL parameter. {@code session_id} is accepted but no session is kept: every request runs with only its
 * own settings and database, as a request without a session does on ClickHouse.
 */
final class HttpQueryRequest {

    /** URL parameters that steer the HTTP handler rather than name a ClickHouse setting. */
    private static final Set<String> PROTOCOL_PARAMS = Set.of("query", "database", "default_format", "query_id",
            "session_id", "session_timeout", "session_check", "close_session", "compress", "decompress", "user",
            "password", "quota_key", "stacktrace", "role", "buffer_size", "wait_end_of_query",
            "enable_http_compression", "client_protocol_version", "readonly");

    final String queryId;
    final String database;
    final String defaultFormat;
    final boolean readonly;
    final Map<String, String> settings = new LinkedHashMap<>();
    final Map<String, String> queryParams = new LinkedHashMap<>();
    final String query;
    final InputStream body;

    private HttpQueryRequest(HttpExchange exchange, Map<String, String> url, Map<String, String> form,
                             InputStream body) {
        Headers headers = exchange.getRequestHeaders();
        Map<String, String> all = new LinkedHashMap<>(url);
        all.putAll(form);
        this.queryId = firstOf(all.get("query_id"), header(headers, "X-ClickHouse-Query-Id"),
                UUID.randomUUID().toString());
        this.database = firstOf(all.get("database"), header(headers, "X-ClickHouse-Database"), "default");
        this.defaultFormat = firstOf(all.get("default_format"), header(headers, "X-ClickHouse-Format"),
                "TabSeparated");
        String readonlyValue = all.get("readonly");
        this.readonly = exchange.getRequestMethod().equals("GET")
                || (readonlyValue != null && !readonlyValue.equals("0"));
        this.query = all.get("query");
        this.body = body;
        all.forEach((name, value) -> {
            if (name.startsWith("param_")) {
                queryParams.put(name.substring("param_".length()), value);
            } else if (!PROTOCOL_PARAMS.contains(name)) {
                settings.put(name, value);
            }
        });
    }

    static HttpQueryRequest read(HttpExchange exchange) throws IOException, ChdbException {
        Map<String, String> url = parseQueryString(exchange.getRequestURI().getRawQuery());
        if (isOn(url.get("compress")) || isOn(url.get("decompress"))) {
            throw ChdbException.of(ChdbException.NOT_IMPLEMENTED, "NOT_IMPLEMENTED", "The local ClickHouse (chDB)"
                    + " does not speak ClickHouse's compressed HTTP blocks; use compress=false in the JDBC URL");
        }
        InputStream body = decode(exchange);
        String contentType = header(exchange.getRequestHeaders(), "Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            Map<String, String> form = MultipartForm.parse(contentType, body.readAllBytes());
            return new HttpQueryRequest(exchange, url, form, new ByteArrayInputStream(new byte[0]));
        }
        return new HttpQueryRequest(exchange, url, Map.of(), body);
    }

    /** The query id a response should carry even when the request could not be read. */
    static String queryIdOf(HttpExchange exchange) {
        String fromUrl = parseQueryString(exchange.getRequestURI().getRawQuery()).get("query_id");
        return firstOf(fromUrl, header(exchange.getRequestHeaders(), "X-ClickHouse-Query-Id"), "");
    }

    private static InputStream decode(HttpExchange exchange) throws IOException, ChdbException {
        InputStream raw = exchange.getRequestBody();
        String encoding = header(exchange.getRequestHeaders(), "Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        switch (encoding.toLowerCase(Locale.ROOT)) {
            case "gzip":
                return new GZIPInputStream(raw);
            case "deflate":
                return new InflaterInputStream(raw);
            default:
                throw ChdbException.of(ChdbException.NOT_IMPLEMENTED, "NOT_IMPLEMENTED",
                        "Content-Encoding " + encoding + " is not supported by the local ClickHouse; use gzip,"
                                + " deflate or none");
        }
    }

    static Map<String, String> parseQueryString(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    /** A header, including the RFC 5987 form ({@code Name*: UTF-8''...}) the driver uses for non-ASCII values. */
    static String header(Headers headers, String name) {
        String plain = headers.getFirst(name);
        if (plain != null) {
            return plain;
        }
        String extended = headers.getFirst(name + "*");
        if (extended != null && extended.regionMatches(true, 0, "UTF-8''", 0, 7)) {
            return URLDecoder.decode(extended.substring(7), StandardCharsets.UTF_8);
        }
        return extended;
    }

    private static boolean isOn(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    private static String firstOf(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : fallback;
    }
}
