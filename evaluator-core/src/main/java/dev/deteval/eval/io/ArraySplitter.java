package dev.deteval.eval.io;

/**
 * Finds cut points in the bytes of a JSON document that is one top-level array, so that slices of
 * whole elements can be parsed in parallel. Strings (with escapes) and nesting are tracked; nothing is
 * validated: a document this scan does not understand returns null and is parsed in one piece, where
 * the parser reports any error with its exact place.
 */
final class ArraySplitter {

    private ArraySplitter() {
    }

    /**
     * Splits {@code bytes} into at most {@code parts} slices.
     *
     * @return {@code [from0, to0, from1, to1, …]}: each slice holds whole elements separated by commas,
     *     without the brackets; or null when the document is not a plain top-level array
     */
    static int[] split(byte[] bytes, int length, int parts) {
        int i = skipSpace(bytes, 0, length);
        if (i >= length || bytes[i] != '[') {
            return null;
        }
        int start = i + 1;
        int[] cuts = new int[2 * parts];
        int found = 0;
        int sliceStart = start;
        long step = Math.max(1, (long) (length - start) / parts);
        long nextTarget = start + step;
        int depth = 1;
        boolean inString = false;
        for (i = start; i < length; i++) {
            byte b = bytes[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '[', '{' -> depth++;
                case '}' -> depth--;
                case ']' -> {
                    depth--;
                    if (depth == 0) {
                        if (skipSpace(bytes, i + 1, length) != length) {
                            return null;
                        }
                        cuts[found++] = sliceStart;
                        cuts[found++] = i;
                        return java.util.Arrays.copyOf(cuts, found);
                    }
                }
                case ',' -> {
                    if (depth == 1 && i >= nextTarget && found + 2 < cuts.length) {
                        cuts[found++] = sliceStart;
                        cuts[found++] = i;
                        sliceStart = i + 1;
                        nextTarget = i + step;
                    }
                }
                default -> {
                }
            }
            if (depth < 0) {
                return null;
            }
        }
        return null;
    }

    private static int skipSpace(byte[] bytes, int from, int length) {
        int i = from;
        if (i == 0 && length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }
}
