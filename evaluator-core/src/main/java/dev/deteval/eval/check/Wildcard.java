package dev.deteval.eval.check;

/** Matches names against patterns where {@code *} is any run of characters and {@code ?} any one. */
final class Wildcard {

    private Wildcard() {
    }

    /** Whether the pattern contains {@code *} or {@code ?} (otherwise it names one category exactly). */
    static boolean isPattern(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /** Whether {@code name} matches {@code pattern} as a whole, case-sensitively. */
    static boolean matches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int starP = -1;
        int starN = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starN = n;
            } else if (starP >= 0) {
                p = starP + 1;
                n = ++starN;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
