package dev.deteval.eval.data;

import java.util.Arrays;

/** Capacity arithmetic for the growable primitive columns of the builders in this package. */
final class Growable {

    private Growable() {
    }

    static int next(int capacity, int needed) {
        if (needed <= capacity) {
            return capacity;
        }
        long grown = Math.max(16L, (long) capacity + (capacity >> 1));
        if (grown < needed) {
            grown = needed;
        }
        if (grown > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many entries: " + needed);
        }
        return (int) grown;
    }

    static double[] grow(double[] a, int capacity) {
        return a.length >= capacity ? a : Arrays.copyOf(a, capacity);
    }

    static long[] grow(long[] a, int capacity) {
        return a.length >= capacity ? a : Arrays.copyOf(a, capacity);
    }

    static boolean[] grow(boolean[] a, int capacity) {
        return a.length >= capacity ? a : Arrays.copyOf(a, capacity);
    }
}
