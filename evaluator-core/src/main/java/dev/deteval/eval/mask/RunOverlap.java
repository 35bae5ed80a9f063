package dev.deteval.eval.mask;

/**
 * Intersection and union of two run-length sequences of one image size, walked together as in maskApi
 * {@code rleIou}: both are advanced by the shorter current run, which counts towards the union when either
 * side is set and towards the intersection when both are.
 */
final class RunOverlap {

    private RunOverlap() {
    }

    /**
     * {@code i / u}; {@code u} is the detection's area for a crowd ground truth and 1 when {@code i == 0}.
     * Both sequences must be non-empty.
     */
    static double iou(int[] dt, int[] gt, boolean crowd) {
        long ca = dt[0];
        long cb = gt[0];
        int a = 1;
        int b = 1;
        boolean va = false;
        boolean vb = false;
        long i = 0;
        long u = 0;
        long remaining = 1;
        while (remaining > 0) {
            long step = Math.min(ca, cb);
            if (va || vb) {
                u += step;
                if (va && vb) {
                    i += step;
                }
            }
            ca -= step;
            if (ca == 0 && a < dt.length) {
                ca = dt[a++];
                va = !va;
            }
            cb -= step;
            if (cb == 0 && b < gt.length) {
                cb = gt[b++];
                vb = !vb;
            }
            remaining = ca + cb;
        }
        if (i == 0) {
            u = 1;
        } else if (crowd) {
            u = area(dt);
        }
        return (double) i / (double) u;
    }

    /**
     * The number of pixels set in both masks, from their runs of 1s taken as intervals {@code [start, end)}:
     * the walk stops when either mask has no run of 1s left. Equals the {@code i} of {@link #iou} when
     * neither sequence has an empty run after the first (maskApi's walk stops early at a position where
     * both load an empty run; this one does not).
     */
    static long intersection(int[] a, int[] b) {
        int na = a.length - 1;
        int nb = b.length - 1;
        if (na < 1 || nb < 1) {
            return 0;
        }
        int sa = a[0];
        int ea = sa + a[1];
        int ja = 2;
        int sb = b[0];
        int eb = sb + b[1];
        int jb = 2;
        long i = 0;
        while (true) {
            int lo = Math.max(sa, sb);
            int hi = Math.min(ea, eb);
            if (hi > lo) {
                i += hi - lo;
            }
            if (ea <= eb) {
                if (ja >= na) {
                    return i;
                }
                sa = ea + a[ja];
                ea = sa + a[ja + 1];
                ja += 2;
            } else {
                if (jb >= nb) {
                    return i;
                }
                sb = eb + b[jb];
                eb = sb + b[jb + 1];
                jb += 2;
            }
        }
    }

    private static long area(int[] runs) {
        long area = 0;
        for (int j = 1; j < runs.length; j += 2) {
            area += runs[j];
        }
        return area;
    }
}
