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

    /** Checks a box given by its corners: finite and {@code xmin <= xmax}, {@code ymin <= ymax}. */
    static void requireBox(String what, double xmin, double ymin, double xmax, double ymax) {
        if (!(Double.isFinite(xmin) && Double.isFinite(ymin) && Double.isFinite(xmax) && Double.isFinite(ymax))) {
            throw new IllegalArgumentException(what + ": box coordinates must be finite, got " + corners(xmin, ymin,
                    xmax, ymax));
        }
        if (xmax < xmin || ymax < ymin) {
            throw new IllegalArgumentException(what + ": box must have xmin <= xmax and ymin <= ymax, got "
                    + corners(xmin, ymin, xmax, ymax));
        }
    }

    private static String corners(double xmin, double ymin, double xmax, double ymax) {
        return "[" + xmin + ", " + ymin + ", " + xmax + ", " + ymax + "]";
    }
}
