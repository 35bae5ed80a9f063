package dev.deteval.eval.mask;

/**
 * Bounding box of run lengths as maskApi {@code rleToBbox}, in 32-bit unsigned arithmetic.
 *
 * <p>Only complete pairs (0-run, 1-run) are read; a trailing run of 0s is ignored. For run {@code j} the
 * running sum {@code cc} is taken, minus 1 for a run of 1s, as the pixel index {@code t} (the first set
 * pixel of a 1-run, or its last); {@code y = t % h}, {@code x = t / h}. When a 1-run ends in a later column
 * than it started the box spans rows {@code 0 .. h-1}. The box is {@code [xs, ys, xe-xs+1, ye-ys+1]} from
 * the extremes of these {@code x} and {@code y}. Empty runs of 1s take part like any other, exactly as in
 * the C code (an empty 1-run right at pixel 0 wraps to index 2^32-1 there and here).
 */
final class RunBox {

    private static final long UINT = 0xFFFF_FFFFL;

    private RunBox() {
    }

    /**
     * {@code [x, y, w, h]} in pixels; zeros for a mask with no 1-run and (where C would divide by 0) for h = 0.
     * Runs summing to at most {@code Integer.MAX_VALUE} keep every running sum in {@code int} range, so the
     * unsigned arithmetic matters only when a run of 1s ends at pixel 0 (runs 0 and 1 both empty, where
     * {@code cc - 1} wraps); that case takes {@link #unsigned}, every other one the same steps in {@code int}.
     */
    static double[] of(int[] counts, int h, int w) {
        int pairs = counts.length / 2 * 2;
        if (pairs == 0 || h == 0) {
            return new double[4];
        }
        if (counts[0] == 0 && counts[1] == 0) {
            return unsigned(counts, h, w);
        }
        int xs = w;
        int ys = h;
        int xe = 0;
        int ye = 0;
        int cc = 0;
        for (int j = 0; j < pairs; j += 2) {
            cc += counts[j];
            int x = cc / h;
            int y = cc - x * h;
            int xp = x;
            xs = Math.min(xs, x);
            xe = Math.max(xe, x);
            ys = Math.min(ys, y);
            ye = Math.max(ye, y);
            cc += counts[j + 1];
            int t = cc - 1;
            x = t / h;
            y = t - x * h;
            if (xp < x) {
                ys = 0;
                ye = h - 1;
            }
            xs = Math.min(xs, x);
            xe = Math.max(xe, x);
            ys = Math.min(ys, y);
            ye = Math.max(ye, y);
        }
        return new double[] {xs, ys, (long) xe - xs + 1, (long) ye - ys + 1};
    }

    /** The C code's loop as written, in 32-bit unsigned arithmetic; the reference for {@link #of}. */
    static double[] unsigned(int[] counts, int h, int w) {
        int pairs = counts.length / 2 * 2;
        if (pairs == 0 || h == 0) {
            return new double[4];
        }
        long xs = w;
        long ys = h;
        long xe = 0;
        long ye = 0;
        long cc = 0;
        long xp = 0;
        for (int j = 0; j < pairs; j++) {
            cc = (cc + counts[j]) & UINT;
            long t = (cc - j % 2) & UINT;
            long y = t % h;
            long x = (t - y) / h;
            if (j % 2 == 0) {
                xp = x;
            } else if (xp < x) {
                ys = 0;
                ye = h - 1;
            }
            xs = Math.min(xs, x);
            xe = Math.max(xe, x);
            ys = Math.min(ys, y);
            ye = Math.max(ye, y);
        }
        return new double[] {xs, ys, xe - xs + 1, ye - ys + 1};
    }
}
