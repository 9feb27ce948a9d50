package io.trendline.localstack.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text fields of a {@code multipart/form-data} body, which is how the driver sends a statement together with its
 * {@code param_*} values. File parts (ClickHouse's external tables) are not supported.
 */
final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private MultipartForm() {
    }

    static Map<String, String> parse(String contentType, byte[] body) throws ChdbException {
        Matcher boundaryMatch = BOUNDARY.matcher(contentType);
        if (!boundaryMatch.find()) {
            throw badForm("multipart/form-data without a boundary");
        }
        // ISO-8859-1 keeps one char per byte, so offsets map back to the UTF-8 bytes.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundaryMatch.group(1);
        Map<String, String> fields = new LinkedHashMap<>();
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int partStart = at + delimiter.length();
            if (text.startsWith("--", partStart)) {
                break;
            }
            int next = text.indexOf("\r\n" + delimiter, partStart);
            if (next < 0) {
                throw badForm("unterminated multipart/form-data part");
            }
            addField(fields, text.substring(skipLineBreak(text, partStart), next));
            at = next + 2;
        }
        return fields;
    }

    private static void addField(Map<String, String> fields, String part) throws ChdbException {
        int headersEnd = part.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            throw badForm("multipart/form-data part without headers");
        }
        String partHeaders = part.substring(0, headersEnd);
        if (partHeaders.toLowerCase(Locale.ROOT).contains("filename=")) {
            throw ChdbException.of(ChdbException.NOT_IMPLEMENTED, "NOT_IMPLEMENTED",
                    "External tables (file parts in multipart/form-data) are not supported by the local ClickHouse");
        }
        Matcher name = NAME.matcher(partHeaders);
        if (!name.find()) {
            throw badForm("multipart/form-data part without a name");
        }
        byte[] value = part.substring(headersEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
        fields.put(name.group(1), new String(value, StandardCharsets.UTF_8));
    }

    private static int skipLineBreak(String text, int at) {
        return text.startsWith("\r\n", at) ? at + 2 : at;
    }

    private static ChdbException badForm(String message) {
        return ChdbException.of(36, "BAD_ARGUMENTS", message);
    }
}
