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

    private static long area(int[] runs) {
        long area = 0;
        for (int j = 1; j < runs.length; j += 2) {
            area += runs[j];
        }
        return area;
    }
}
