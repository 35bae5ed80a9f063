package dev.deteval.eval.data;

/**
 * How strings that come from the input files (category and class names, image ids, file names) are
 * shown. They are untrusted: a name may hold a newline that forges a report line, an escape sequence that
 * recolours a terminal, characters that break a Markdown table or an XML file, or millions of characters.
 * The JSON report keeps them exactly (its encoder escapes what JSON needs); every other output passes them
 * through here.
 */
public final class Names {

    /** Names longer than this many characters are cut in tables and messages. */
    public static final int CELL_LIMIT = 60;

    /** Ends a cut name. */
    public static final String CUT_MARK = "…";

    /** The line a table adds below itself when it cut a name. */
    public static final String CUT_NOTE = "(names longer than " + CELL_LIMIT + " characters are cut and end in "
            + CUT_MARK + "; the JSON report has them in full)";

    private Names() {
    }

    /**
     * {@code s} with every character that does not print as itself made visible: newline, carriage return
     * and tab as {@code \n}, {@code \r}, {@code \t}; other control characters, line and paragraph
     * separators, bidirectional overrides and unpaired surrogates as {@code \}{@code uXXXX}.
     */
    public static String visible(String s) {
        int i = 0;
        while (i < s.length() && !hidden(s, i)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!hidden(s, i)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** {@link #visible} and cut to {@value #CELL_LIMIT} characters (the last being {@link #CUT_MARK}). */
    public static String cell(String s) {
        String shown = prefix(s);
        if (shown.length() <= CELL_LIMIT) {
            return shown;
        }
        int end = CELL_LIMIT - 1;
        if (Character.isHighSurrogate(shown.charAt(end - 1))) {
            end--;
        }
        return shown.substring(0, end) + CUT_MARK;
    }

    /** Whether {@link #cell} cuts {@code s}. */
    public static boolean isCut(String s) {
        return prefix(s).length() > CELL_LIMIT;
    }

    /** The visible form of as much of {@code s} as a cell can show (a huge name is not copied whole). */
    private static String prefix(String s) {
        return visible(s.length() > 4 * CELL_LIMIT ? s.substring(0, 4 * CELL_LIMIT) : s);
    }

    /**
     * {@code s} for a Markdown table cell or list item: visible, with the characters Markdown reads as
     * table borders, escapes or HTML (backslash, {@code | < > &}) escaped.
     */
    public static String markdown(String s) {
        String v = visible(s);
        StringBuilder out = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code s} for HTML text, an attribute value (quoted or not) or SVG text inside an HTML page: visible,
     * with {@code & < > " ' ` =} written as character references, so it can neither close an element or
     * attribute nor start markup. Strings escaped so never reach a script: scripts read them from the page
     * ({@code textContent}, {@code getAttribute}), never from generated code.
     */
    public static String html(String s) {
        String v = visible(s);
        StringBuilder out = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                case '=' -> out.append("&#61;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hidden(String s, int i) {
        char c = s.charAt(i);
        if (Character.isISOControl(c)) {
            return true;
        }
        if (c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
