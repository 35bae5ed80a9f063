package dev.deteval.eval.internal;

/**
 * Stable sorts of index arrays by primitive keys, without boxing. They give the order numpy's
 * {@code argsort(-key, kind='mergesort')} gives: descending key, ties in input order.
 */
public final class StableSort {

    private static final int INSERTION_LIMIT = 24;

    private StableSort() {
    }

    /**
     * Sorts {@code idx[from..to)} so that {@code keys[idx[i]]} does not increase; equal keys keep their
     * relative order. Keys must not be NaN.
     */
    public static void descending(int[] idx, int from, int to, double[] keys) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        if (isDescending(idx, from, to, keys)) {
            return;
        }
        int[] buffer = new int[n];
        mergeSort(idx, from, to, keys, buffer);
    }

    /** Sorts all of {@code idx}; see {@link #descending(int[], int, int, double[])}. */
    public static void descending(int[] idx, double[] keys) {
        descending(idx, 0, idx.length, keys);
    }

    private static boolean isDescending(int[] idx, int from, int to, double[] keys) {
        for (int i = from + 1; i < to; i++) {
            if (keys[idx[i]] > keys[idx[i - 1]]) {
                return false;
            }
        }
        return true;
    }

    private static void mergeSort(int[] a, int from, int to, double[] keys, int[] buffer) {
        int n = to - from;
        if (n <= INSERTION_LIMIT) {
            insertionSort(a, from, to, keys);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, from, mid, keys, buffer);
        mergeSort(a, mid, to, keys, buffer);
        if (keys[a[mid - 1]] >= keys[a[mid]]) {
            return;
        }
        int leftLen = mid - from;
        System.arraycopy(a, from, buffer, 0, leftLen);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < leftLen && j < to) {
            // take from the right only when strictly larger: ties keep the left (earlier) element first
            if (keys[a[j]] > keys[buffer[i]]) {
                a[k++] = a[j++];
            } else {
                a[k++] = buffer[i++];
            }
        }
        while (i < leftLen) {
            a[k++] = buffer[i++];
        }
    }

    private static void insertionSort(int[] a, int from, int to, double[] keys) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            double key = keys[v];
            int j = i - 1;
            while (j >= from && keys[a[j]] < key) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
