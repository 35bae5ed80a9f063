package dev.deteval.eval.data;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.OptionalLong;

/**
 * Ids written as JSON strings (pycocotools accepts any hashable id), given numbers in the order Python
 * sorts the strings: id {@code k} (1-based) is the {@code k}-th distinct text by Unicode code point, so
 * sorting the numbers sorts the texts as {@code sorted()} does in pycocotools' {@code COCOeval}, which
 * orders images (and thereby ties between equal scores) that way. Immutable.
 */
public final class TextIds {

    /** Python's string order: code point by code point, a prefix first. */
    public static final Comparator<String> PYTHON_ORDER = TextIds::compareCodePoints;

    private final String[] sorted;

    private TextIds(String[] sorted) {
        this.sorted = sorted;
    }

    /** The texts, numbered 1..n in Python's order; duplicates count once. */
    public static TextIds of(Collection<String> texts) {
        String[] sorted = texts.stream().distinct().sorted(PYTHON_ORDER).toArray(String[]::new);
        return new TextIds(sorted);
    }

    /** Number of distinct texts. */
    public int size() {
        return sorted.length;
    }

    /** The id of {@code text} (1-based), or empty when it is not one of the texts. */
    public OptionalLong id(String text) {
        int at = Arrays.binarySearch(sorted, text, PYTHON_ORDER);
        return at < 0 ? OptionalLong.empty() : OptionalLong.of(at + 1L);
    }

    /**
     * The text of id {@code id}.
     *
     * @throws IllegalArgumentException when {@code id} is not in 1..{@link #size()}
     */
    public String text(long id) {
        if (id < 1 || id > sorted.length) {
            throw new IllegalArgumentException("no text id " + id + " (there are " + sorted.length + ")");
        }
        return sorted[(int) (id - 1)];
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextIds t && Arrays.equals(sorted, t.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
        return "TextIds" + Arrays.toString(sorted);
    }
}
