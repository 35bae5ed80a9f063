package dev.deteval.eval.nms;

import java.util.Arrays;

/**
 * Arbitrary {@code long} ids renumbered 0, 1, …, {@code count - 1} in ascending id order, so that they
 * can index arrays.
 *
 * @param dense {@code int[n]}: the dense number of each input id
 * @param count number of distinct ids
 */
record DenseIds(int[] dense, int count) {

    static DenseIds of(long[] ids) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] dense = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            dense[i] = Arrays.binarySearch(sorted, 0, distinct, ids[i]);
        }
        return new DenseIds(dense, distinct);
    }

    /**
     * Members of each dense id in input order: positions {@code start[d] .. start[d+1]-1} of the returned
     * order hold the input positions whose dense id is {@code d}.
     *
     * @return {@code int[n]} input positions grouped by dense id
     */
    int[] groupedOrder(int[] start) {
        int[] next = Arrays.copyOf(start, count);
        int[] order = new int[dense.length];
        for (int i = 0; i < dense.length; i++) {
            order[next[dense[i]]++] = i;
        }
        return order;
    }

    /** {@code int[count + 1]} prefix sums of the group sizes. */
    int[] starts() {
        int[] start = new int[count + 1];
        for (int d : dense) {
            start[d + 1]++;
        }
        for (int g = 0; g < count; g++) {
            start[g + 1] += start[g];
        }
        return start;
    }
}
