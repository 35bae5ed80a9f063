package dev.deteval.eval.mask;

import java.util.Arrays;

/**
 * The arithmetic of maskApi {@code rleFrPoly}, step by step.
 *
 * <ol>
 *   <li>Vertices are scaled by 5 and converted with {@code (int)(5*v + .5)} (C truncation, see
 *       {@link Truncation}); the polygon is closed back to its first vertex.
 *   <li>Each edge is walked one 5x-grid step at a time along its longer axis (a DDA), the other coordinate
 *       rounded as {@code (int)(start + slope*t + .5)}; edges are always walked from the end with the smaller
 *       coordinate on that axis, but points are emitted in the polygon's own order.
 *   <li>Wherever consecutive points differ in x, the step is mapped back to a pixel column with
 *       {@code xd = (left + .5)/5 - .5} and kept only when {@code xd} is a whole number in {@code [0, w-1]};
 *       its row is the smaller of the two y values mapped the same way, clamped to {@code [0, h]} and
 *       rounded up. Each kept step toggles the mask at column-major index {@code xd*h + yd}.
 *   <li>The toggles, sorted, plus {@code h*w} become run lengths; a zero-length run merges its two
 *       neighbours.
 * </ol>
 *
 * <p>Points are consumed as they are generated, so memory grows with the number of kept steps, not with
 * the perimeter.
 */
final class PolygonScan {

    private static final double SCALE = 5;

    private final int h;
    private final int w;
    private final RunBuffer toggles = new RunBuffer(64);
    private boolean started;
    private int lastU;
    private int lastV;

    private PolygonScan(int h, int w) {
        this.h = h;
        this.w = w;
    }

    /** Run lengths of the polygon {@code xy = [x0, y0, x1, y1, ...]} (at least one point) in an h x w image. */
    static int[] runs(double[] xy, int h, int w) {
        int k = xy.length / 2;
        int[] x = new int[k + 1];
        int[] y = new int[k + 1];
        for (int j = 0; j < k; j++) {
            x[j] = Truncation.toInt(SCALE * xy[2 * j] + .5);
            y[j] = Truncation.toInt(SCALE * xy[2 * j + 1] + .5);
        }
        x[k] = x[0];
        y[k] = y[0];
        PolygonScan scan = new PolygonScan(h, w);
        for (int j = 0; j < k; j++) {
            scan.edge(x[j], y[j], x[j + 1], y[j + 1]);
        }
        return scan.toRuns();
    }

    private void edge(int xs, int ys, int xe, int ye) {
        int dx = Math.abs(xe - xs);
        int dy = Math.abs(ys - ye);
        boolean alongX = dx >= dy;
        boolean flip = alongX ? xs > xe : ys > ye;
        if (flip) {
            int t = xs;
            xs = xe;
            xe = t;
            t = ys;
            ys = ye;
            ye = t;
        }
        if (alongX) {
            double slope = (double) (ye - ys) / dx;
            for (int d = 0; d <= dx; d++) {
                int t = flip ? dx - d : d;
                point(t + xs, Truncation.toInt(ys + slope * t + .5));
            }
        } else {
            double slope = (double) (xe - xs) / dy;
            for (int d = 0; d <= dy; d++) {
                int t = flip ? dy - d : d;
                point(Truncation.toInt(xs + slope * t + .5), t + ys);
            }
        }
    }

    private void point(int u, int v) {
        if (started && u != lastU) {
            step(u, v);
        }
        started = true;
        lastU = u;
        lastV = v;
    }

    private void step(int u, int v) {
        double xd = u < lastU ? u : u - 1;
        xd = (xd + .5) / SCALE - .5;
        if (Math.floor(xd) != xd || xd < 0 || xd > w - 1) {
            return;
        }
        double yd = v < lastV ? v : lastV;
        yd = (yd + .5) / SCALE - .5;
        if (yd < 0) {
            yd = 0;
        } else if (yd > h) {
            yd = h;
        }
        yd = Math.ceil(yd);
        toggles.add((int) xd * h + (int) yd);
    }

    private int[] toRuns() {
        toggles.add(h * w);
        int[] a = toggles.toArray();
        Arrays.sort(a);
        int previous = 0;
        for (int j = 0; j < a.length; j++) {
            int t = a[j];
            a[j] -= previous;
            previous = t;
        }
        RunBuffer runs = new RunBuffer(a.length);
        int j = 0;
        runs.add(a[j++]);
        while (j < a.length) {
            if (a[j] > 0) {
                runs.add(a[j++]);
            } else {
                j++;
                if (j < a.length) {
                    runs.addToLast(a[j++]);
                }
            }
        }
        return runs.toArray();
    }
}
