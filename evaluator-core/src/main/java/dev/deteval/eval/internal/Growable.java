package dev.deteval.eval.internal;

import java.util.Arrays;

/** Capacity arithmetic for growable primitive columns (builders of detections, ground truth, VOC data). Not API. */
public final class Growable {

    private Growable() {
    }

    public static int next(int capacity, int needed) {
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

    public static double[] grow(double[] a, int capacity) {
        return a.length >= capacity ? a : Arrays.copyOf(a, capacity);
    }

    public static long[] grow(long[] a, int capacity) {
        return a.length >= capacity ? a : Arrays.copyOf(a, capacity);
    }

    public static boolean[] grow(boolean[] a, int capacity) {
        return a.length >= capacity ? a : Arrays.copyOf(a, capacity);
    }
}
