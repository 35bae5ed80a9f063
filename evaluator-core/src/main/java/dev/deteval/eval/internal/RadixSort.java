package dev.deteval.eval.internal;

/**
 * A stable descending argsort for large index ranges: the same order as
 * {@link StableSort#descending(int[], int, int, double[])} (descending key, ties in the order given,
 * {@code -0.0} equal to {@code 0.0}), computed as a least-significant-digit radix sort on 64-bit keys in
 * 6 passes of 11 bits, skipping passes in which every key has the same digit. O(n) time and
 * {@code 20n} bytes of scratch; ranges shorter than {@value #MIN_RADIX} use {@link StableSort}.
 */
public final class RadixSort {

    static final int MIN_RADIX = 512;
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int PASSES = 6;

    private RadixSort() {
    }

    /**
     * Sorts {@code idx[from..to)} so that {@code keys[idx[i]]} does not increase; equal keys keep their
     * relative order. Keys must not be NaN.
     */
    public static void descending(int[] idx, int from, int to, double[] keys) {
        int n = to - from;
        if (n < MIN_RADIX) {
            StableSort.descending(idx, from, to, keys);
            return;
        }
        long[] k = new long[n];
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < n; i++) {
            long key = descendingKey(keys[idx[from + i]]);
            k[i] = key;
            for (int p = 0; p < PASSES; p++) {
                counts[p][(int) (key >>> (p * BITS)) & (BUCKETS - 1)]++;
            }
        }
        int[] v = new int[n];
        System.arraycopy(idx, from, v, 0, n);
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        for (int p = 0; p < PASSES; p++) {
            int[] count = counts[p];
            if (count[(int) (k[0] >>> (p * BITS)) & (BUCKETS - 1)] == n) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            int shift = p * BITS;
            for (int i = 0; i < n; i++) {
                int at = count[(int) (k[i] >>> shift) & (BUCKETS - 1)]++;
                k2[at] = k[i];
                v2[at] = v[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] tv = v;
            v = v2;
            v2 = tv;
        }
        System.arraycopy(v, 0, idx, from, n);
    }

    /**
     * A 64-bit key whose unsigned ascending order is the descending order of {@code d}: IEEE bits made
     * order-preserving as signed values (negative numbers have their magnitude bits flipped), then
     * complemented (descending) and the sign bit flipped (unsigned). {@code -0.0} maps like {@code 0.0}.
     */
    static long descendingKey(double d) {
        long bits = Double.doubleToRawLongBits(d + 0.0);
        long signedOrder = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        return ~signedOrder ^ Long.MIN_VALUE;
    }
}
