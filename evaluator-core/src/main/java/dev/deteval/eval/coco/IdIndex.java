package dev.deteval.eval.coco;

import java.util.Arrays;

/**
 * Position of an id in an ascending id list, or -1: through a table when the ids span a range not much
 * larger than their number (COCO's category ids 1–90, most image id lists), else by binary search.
 */
final class IdIndex {

    /** A table is used when the id range has at most this many slots per id (plus {@link #SLACK}). */
    private static final long SLOTS_PER_ID = 8;
    private static final long SLACK = 1 << 16;

    private final long[] sorted;
    private final long lo;
    private final int[] table;

    IdIndex(long[] sorted) {
        this.sorted = sorted;
        long span = sorted.length == 0 ? 0 : sorted[sorted.length - 1] - sorted[0];
        if (sorted.length > 0 && span >= 0 && span < SLOTS_PER_ID * sorted.length + SLACK) {
            lo = sorted[0];
            table = new int[(int) span + 1];
            Arrays.fill(table, -1);
            for (int i = sorted.length - 1; i >= 0; i--) {
                table[(int) (sorted[i] - lo)] = i; // the first of equal ids, as a binary search may not promise
            }
        } else {
            lo = 0;
            table = null;
        }
    }

    /** The index of {@code id} in the list, or -1 when it is not there. */
    int of(long id) {
        if (table != null) {
            long slot = id - lo;
            return slot >= 0 && slot < table.length ? table[(int) slot] : -1;
        }
        int i = Arrays.binarySearch(sorted, id);
        return i >= 0 ? i : -1;
    }
}
