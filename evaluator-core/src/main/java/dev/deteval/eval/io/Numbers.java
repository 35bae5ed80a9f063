package dev.deteval.eval.io;

/** Strict parsing of decimal numbers written in text files. */
final class Numbers {

    private Numbers() {
    }

    /**
     * The finite value of a plain decimal ({@code 12}, {@code -0.5}, {@code 1e-3}), or NaN when
     * {@code text} is anything else (empty, {@code nan}, {@code inf}, Java suffixes such as {@code 1d},
     * hexadecimal, a value too large for a double).
     */
    static double parse(String text) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean ok = (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E';
            if (!ok) {
                return Double.NaN;
            }
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
