package dev.deteval.eval.io;

/**
 * Guesses cut points in the bytes of a JSON document that is one top-level array of objects, so that
 * slices of elements can be parsed in parallel without a sequential pre-scan.
 *
 * <p>From evenly spaced positions it looks forward for the next comma that has a closing brace before
 * it and an opening brace after it (whitespace allowed between). Such a comma usually separates two
 * elements, but it may also sit inside a string or inside a nested array. Either way the slice that ends
 * there is then not valid JSON on its own (it ends inside a string, or with a bracket still open), its
 * parse fails, and the caller parses the whole document in one piece — so a wrong guess costs time,
 * never correctness.
 */
final class ArraySplitter {

    private ArraySplitter() {
    }

    /**
     * Splits {@code bytes} into at most {@code parts} slices.
     *
     * @return {@code [from0, to0, from1, to1, …]}: slices without the outer brackets, separated by the
     *     chosen commas; or null when the document does not start with {@code [} and end with {@code ]}
     */
    static int[] split(byte[] bytes, int length, int parts) {
        int first = skipSpace(bytes, 0, length);
        if (first >= length || bytes[first] != '[') {
            return null;
        }
        int end = length - 1;
        while (end > first && isSpace(bytes[end])) {
            end--;
        }
        if (end == first || bytes[end] != ']') {
            return null;
        }
        int start = first + 1;
        int[] cuts = new int[2 * parts];
        int found = 0;
        int sliceStart = start;
        long step = Math.max(1, ((long) end - start) / parts);
        for (int k = 1; k < parts; k++) {
            int target = (int) Math.max(sliceStart, start + k * step);
            int comma = nextBoundary(bytes, target, end);
            if (comma < 0) {
                break;
            }
            cuts[found++] = sliceStart;
            cuts[found++] = comma;
            sliceStart = comma + 1;
        }
        cuts[found++] = sliceStart;
        cuts[found++] = end;
        return java.util.Arrays.copyOf(cuts, found);
    }

    /** The first comma in {@code [from, end)} between a closing and an opening brace, or -1. */
    static int nextBoundary(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] != ',') {
                continue;
            }
            int before = i - 1;
            while (before >= 0 && isSpace(bytes[before])) {
                before--;
            }
            int after = i + 1;
            while (after < end && isSpace(bytes[after])) {
                after++;
            }
            if (before >= 0 && bytes[before] == '}' && after < end && bytes[after] == '{') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static int skipSpace(byte[] bytes, int from, int length) {
        int i = from;
        if (i == 0 && length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < length && isSpace(bytes[i])) {
            i++;
        }
        return i;
    }
}
