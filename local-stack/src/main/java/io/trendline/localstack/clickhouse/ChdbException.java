package io.trendline.localstack.clickhouse;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A ClickHouse error, as chDB reports it ({@code Code: 60. DB::Exception: ... (UNKNOWN_TABLE)}) or as made here. */
final class ChdbException extends Exception {

    static final int SYNTAX_ERROR = 62;
    static final int NOT_IMPLEMENTED = 48;
    static final int READONLY = 164;
    static final int TOO_MANY_SIMULTANEOUS_QUERIES = 202;
    static final int UNKNOWN_EXCEPTION = 1002;

    private static final Pattern CODE = Pattern.compile("^\\s*Code:\\s*(\\d+)\\.");
    private static final Map<Integer, Integer> HTTP_STATUS = httpStatuses();

    private final int code;

    private ChdbException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** Wraps an error text from chDB, which normally carries ClickHouse's code and name. */
    static ChdbException fromEngine(String text) {
        String message = text.strip();
        Matcher matcher = CODE.matcher(message);
        if (matcher.find()) {
            return new ChdbException(Integer.parseInt(matcher.group(1)), message);
        }
        return new ChdbException(UNKNOWN_EXCEPTION, "Code: " + UNKNOWN_EXCEPTION + ". DB::Exception: " + message
                + ". (UNKNOWN_EXCEPTION)");
    }

    /** An error raised by the front end itself, worded the way ClickHouse words its own. */
    static ChdbException of(int code, String name, String message) {
        return new ChdbException(code, "Code: " + code + ". DB::Exception: " + message + ". (" + name + ")");
    }

    int code() {
        return code;
    }

    /** The HTTP status ClickHouse's HTTP handler gives this error code. */
    int httpStatus() {
        return HTTP_STATUS.getOrDefault(code, 500);
    }

    private static Map<Integer, Integer> httpStatuses() {
        Map<Integer, Integer> statuses = new HashMap<>();
        // As in ClickHouse's HTTPHandler: bad input is 400, unknown objects 404, auth 401/403.
        for (int badRequest : new int[] {6, 25, 26, 27, 32, 33, 36, 38, 41, 42, 43, 53, 62, 69, 72, 117, 130}) {
            statuses.put(badRequest, 400);
        }
        for (int notFound : new int[] {46, 47, 50, 56, 60, 63, 73, 81, 115, 137, 170}) {
            statuses.put(notFound, 404);
        }
        statuses.put(159, 408);
        statuses.put(194, 401);
        statuses.put(192, 403);
        statuses.put(193, 403);
        statuses.put(516, 403);
        statuses.put(NOT_IMPLEMENTED, 501);
        return Map.copyOf(statuses);
    }
}
