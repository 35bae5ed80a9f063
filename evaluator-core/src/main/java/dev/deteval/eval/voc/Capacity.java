package dev.deteval.eval.voc;

/** Capacity arithmetic for the growable primitive columns of this package's builders. */
final class Capacity {

    private Capacity() {
    }

    /** The capacity to use when {@code needed} entries must fit and {@code capacity} are available. */
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
}
