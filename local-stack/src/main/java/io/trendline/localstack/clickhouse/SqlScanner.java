package io.trendline.localstack.clickhouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Just enough of ClickHouse's lexer to find where a statement's text ends and inline data begins
 * ({@code INSERT ... FORMAT x <data>}, {@code INSERT ... VALUES <data>}), which output format a query asks for and
 * what kind of statement it is. Text is scanned as ISO-8859-1, one char per byte, so offsets are byte offsets and
 * binary data after the statement is never decoded.
 */
final class SqlScanner {

    /** Statements that only read, which GET requests and readonly=1 allow. */
    static final Set<String> READ_STATEMENTS = Set.of("SELECT", "WITH", "SHOW", "DESC", "DESCRIBE", "EXPLAIN",
            "EXISTS", "CHECK");

    private final String text;
    private int pos;
    private int depth;

    private SqlScanner(String text) {
        this.text = text;
    }

    /** Where an INSERT's inline data starts, and the statement rewritten to read that data from a file. */
    record InsertSplit(int dataStart, String format, String beforeSource, String afterSource) {

        /** The INSERT with {@code FROM INFILE} spliced in where ClickHouse's grammar wants it. */
        String withInfile(String path) {
            String quoted = path.replace("\\", "\\\\").replace("'", "\\'");
            return beforeSource + " FROM INFILE '" + quoted + "' COMPRESSION 'none' " + afterSource + " FORMAT "
                    + format;
        }
    }

    /** The first keyword of the statement, upper-cased, or "" when there is none. */
    static String firstKeyword(String text) {
        SqlScanner scanner = new SqlScanner(text);
        String token;
        while ((token = scanner.next()) != null) {
            if (!token.equals("(")) {
                return isWord(token) ? token.toUpperCase(Locale.ROOT) : "";
            }
        }
        return "";
    }

    /**
     * For {@code INSERT INTO t [(cols)] [SETTINGS ...] FORMAT f|VALUES} followed by data, the split between statement
     * and data; null for any other statement, including {@code INSERT ... SELECT} and {@code FROM INFILE}.
     */
    static InsertSplit splitInsert(String text) {
        SqlScanner scanner = new SqlScanner(text);
        if (!"INSERT".equalsIgnoreCase(scanner.next()) || !"INTO".equalsIgnoreCase(scanner.next())) {
            return null;
        }
        scanner.skipTarget();
        int settingsAt = -1;
        String token;
        while ((token = scanner.next()) != null) {
            int start = scanner.pos - token.length();
            if (scanner.depth == 0 && isWord(token)) {
                String word = token.toUpperCase(Locale.ROOT);
                if (word.equals("SETTINGS") && settingsAt < 0) {
                    settingsAt = start;
                } else if (word.equals("VALUES")) {
                    return split(text, settingsAt, start, scanner.pos, "Values");
                } else if (word.equals("FORMAT")) {
                    String format = scanner.next();
                    if (format == null || !isWord(format)) {
                        return null;
                    }
                    return split(text, settingsAt, start, dataStartAfter(text, scanner.pos), format);
                } else if (word.equals("SELECT") || word.equals("WITH") || word.equals("FROM")) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The name after a top-level {@code FORMAT} keyword, or null when the query names no output format. */
    static String outputFormat(String text) {
        SqlScanner scanner = new SqlScanner(text);
        String token;
        while ((token = scanner.next()) != null) {
            if (scanner.depth == 0 && token.equalsIgnoreCase("FORMAT")) {
                int save = scanner.pos;
                String name = scanner.next();
                String after = scanner.next();
                if (name != null && isWord(name)
                        && (after == null || after.equals(";") || after.equalsIgnoreCase("SETTINGS"))) {
                    return name;
                }
                scanner.pos = save;
                scanner.depth = 0;
            }
        }
        return null;
    }

    /** True when text holds a second statement after a top-level semicolon (ClickHouse's HTTP refuses those). */
    static boolean hasSecondStatement(String text) {
        SqlScanner scanner = new SqlScanner(text);
        String token;
        boolean afterSemicolon = false;
        while ((token = scanner.next()) != null) {
            if (afterSemicolon && !token.equals(";")) {
                return true;
            }
            afterSemicolon |= scanner.depth == 0 && token.equals(";");
        }
        return false;
    }

    /** The setting names a {@code SET a = 1, b = 'x'} statement assigns (query parameters excluded). */
    static List<String> setNames(String text) {
        SqlScanner scanner = new SqlScanner(text);
        List<String> names = new ArrayList<>();
        if (!"SET".equalsIgnoreCase(scanner.next())) {
            return names;
        }
        String previous = null;
        String token;
        while ((token = scanner.next()) != null) {
            if (token.equals("=") && scanner.depth == 0 && previous != null) {
                String name = previous.startsWith("`") || previous.startsWith("\"")
                        ? previous.substring(1, previous.length() - 1) : previous;
                if (isWord(name) && !name.startsWith("param_")) {
                    names.add(name);
                }
            }
            previous = token;
        }
        return names;
    }

    private static InsertSplit split(String text, int settingsAt, int keywordAt, int dataStart, String format) {
        int sourceAt = settingsAt >= 0 ? settingsAt : keywordAt;
        return new InsertSplit(dataStart, format, text.substring(0, sourceAt).strip(),
                text.substring(sourceAt, keywordAt).strip());
    }

    /** ClickHouse's rule: data starts after the first newline following the format name, else after the blanks. */
    private static int dataStartAfter(String text, int pos) {
        int i = pos;
        while (i < text.length() && isBlank(text.charAt(i))) {
            if (text.charAt(i++) == '\n') {
                return i;
            }
        }
        return i;
    }

    /** Skips the INSERT target: [TABLE] [db.]table, or FUNCTION f(...). */
    private void skipTarget() {
        String token = next();
        boolean function = "FUNCTION".equalsIgnoreCase(token);
        if (function || "TABLE".equalsIgnoreCase(token)) {
            token = next();
        }
        if (token == null) {
            return;
        }
        int save = pos;
        int savedDepth = depth;
        String following = next();
        if (function && "(".equals(following)) {
            while (depth > 0 && next() != null) {
                // the table function's arguments
            }
        } else if (".".equals(following)) {
            next();
        } else {
            // Not part of the target (a column list's "(" for one): read it again, at the depth before it.
            pos = save;
            depth = savedDepth;
        }
    }

    /** The next token: a word, a quoted literal or identifier, or one punctuation char; null at the end. */
    private String next() {
        skipBlanksAndComments();
        if (pos >= text.length()) {
            return null;
        }
        int start = pos;
        char c = text.charAt(pos);
        if (c == '\'' || c == '"' || c == '`') {
            pos = endOfQuoted(pos, c);
        } else if (isWordChar(c)) {
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos++;
            }
        } else {
            pos++;
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return text.substring(start, pos);
    }

    private int endOfQuoted(int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    private void skipBlanksAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isBlank(c)) {
                pos++;
            } else if (text.startsWith("--", pos) || text.startsWith("# ", pos) || text.startsWith("#!", pos)) {
                int eol = text.indexOf('\n', pos);
                pos = eol < 0 ? text.length() : eol + 1;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
            } else {
                return;
            }
        }
    }

    /** ClickHouse's ASCII whitespace; binary data right after a statement must not be mistaken for more of it. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isWord(String token) {
        return !token.isEmpty() && isWordChar(token.charAt(0)) && !Character.isDigit(token.charAt(0));
    }

    private static boolean isWordChar(char c) {
        return c == '_' || c == '$' || (c < 128 && Character.isLetterOrDigit(c));
    }
}
