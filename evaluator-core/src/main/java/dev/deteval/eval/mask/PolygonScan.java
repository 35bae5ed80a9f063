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
 * the perimeter. Edges walked along x visit only the steps that can be kept (one in five, see
 * {@code edgeAlongX}); {@link #runsEachPoint} walks them point by point as the C code does.
 */
final class PolygonScan {

    private static final double SCALE = 5;

    private final int h;
    private final int w;
    /** True to walk along-x edges point by point too (the reference for tests), false to visit kept steps only. */
    private final boolean eachPoint;
    private final RunBuffer toggles;
    private boolean started;
    private int lastU;
    private int lastV;

    private PolygonScan(int h, int w, boolean eachPoint, int expectedToggles) {
        this.h = h;
        this.w = w;
        this.eachPoint = eachPoint;
        this.toggles = new RunBuffer(expectedToggles);
    }

    /** Run lengths of the polygon {@code xy = [x0, y0, x1, y1, ...]} (at least one point) in an h x w image. */
    static int[] runs(double[] xy, int h, int w) {
        return runs(xy, h, w, false);
    }

    /** {@link #runs}, every edge walked point by point as maskApi does; the reference for the shortcut. */
    static int[] runsEachPoint(double[] xy, int h, int w) {
        return runs(xy, h, w, true);
    }

    private static int[] runs(double[] xy, int h, int w, boolean eachPoint) {
        int k = xy.length / 2;
        int[] x = new int[k + 1];
        int[] y = new int[k + 1];
        for (int j = 0; j < k; j++) {
            x[j] = Truncation.toInt(SCALE * xy[2 * j] + .5);
            y[j] = Truncation.toInt(SCALE * xy[2 * j + 1] + .5);
        }
        x[k] = x[0];
        y[k] = y[0];
        PolygonScan scan = new PolygonScan(h, w, eachPoint, expectedToggles(x, k, w));
        for (int j = 0; j < k; j++) {
            scan.edge(x[j], y[j], x[j + 1], y[j + 1]);
        }
        return scan.toRuns();
    }

    /**
     * Room for the toggles of a polygon whose {@code k} vertices have the 5x-grid columns {@code x}: its
     * outline crosses each pixel column it spans at least twice, so twice its width in pixels (within the
     * image) plus a margin for concave outlines; the buffer still grows when that is too little.
     */
    private static int expectedToggles(int[] x, int k, int w) {
        int lo = x[0];
        int hi = x[0];
        for (int j = 1; j < k; j++) {
            lo = Math.min(lo, x[j]);
            hi = Math.max(hi, x[j]);
        }
        long columns = Math.min((long) w, ((long) hi - lo) / (long) SCALE + 2);
        return (int) Math.min(2 * columns + 16, 1 << 20);
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
        if (alongX && dx > 0 && !eachPoint) {
            edgeAlongX(xs, ys, dx, (double) (ye - ys) / dx, flip);
        } else if (alongX) {
            // dx = 0 is one point: 0/0 makes the slope NaN and the row INT_MIN, as in C
            double slope = (double) (ye - ys) / dx;
            for (int d = 0; d <= dx; d++) {
                int t = flip ? dx - d : d;
                point(t + xs, Truncation.toInt(ys + slope * t + .5));
            }
        } else if (eachPoint || !edgeAlongY(xs, ys, dy, (double) (xe - xs) / dy, flip)) {
            double slope = (double) (xe - xs) / dy;
            for (int d = 0; d <= dy; d++) {
                int t = flip ? dy - d : d;
                point(Truncation.toInt(xs + slope * t + .5), t + ys);
            }
        }
    }

    /**
     * An edge walked along y ({@code dy > 0}, {@code |slope| < 1}): points {@code (u(t), ys + t)} with
     * {@code u(t) = (int)(xs + slope*t + .5)}, monotone in {@code t}. Steps happen where {@code u} changes;
     * only a change between a left column {@code L} with {@code L mod 5 == 2} and {@code L + 1} can be kept
     * (see {@link #edgeAlongX}), so for each such {@code L} between the edge's end columns the pair where
     * {@code u} crosses from one to the other is searched for (near the crossing of the exact line, then
     * by doubling and bisection on the exact {@code u}). When {@code u} jumps by more than one at such a
     * place the edge is left untouched and false returned, for the caller to walk it point by point.
     */
    private boolean edgeAlongY(int xs, int ys, int dy, double slope, boolean flip) {
        int u0 = Truncation.toInt(xs + slope * 0 + .5);
        int u1 = Truncation.toInt(xs + slope * dy + .5);
        int lo = Math.min(u0, u1);
        int hi = Math.max(u0, u1);
        long from = Math.max(lo, 2);
        from += Math.floorMod(2 - from, 5);
        long to = Math.min(hi - 1L, 5L * (w - 1) + 2);
        int mark = toggles.size();
        boolean rising = u1 > u0;
        for (long c = from; c <= to; c += 5) {
            int left = (int) c;
            int t = rising ? crossing(xs, slope, dy, left + 1, 1, left) : crossing(xs, slope, dy, -left, -1, left);
            int before = Truncation.toInt(xs + slope * (t - 1) + .5);
            int after = Truncation.toInt(xs + slope * t + .5);
            if (before != (rising ? left : left + 1) || after != (rising ? left + 1 : left)) {
                toggles.truncate(mark);
                return false;
            }
            toggle(left, ys + t - 1);
        }
        int first = flip ? dy : 0;
        int firstU = first == 0 ? u0 : u1;
        if (started && firstU != lastU) {
            step(firstU, ys + first);
        }
        started = true;
        lastU = first == 0 ? u1 : u0;
        lastV = ys + dy - first;
        return true;
    }

    /**
     * The smallest {@code t} in {@code 1..dy} with {@code sign * u(t) >= target}, where {@code sign * u} is
     * non-decreasing, false at 0 and true at {@code dy}; the search starts where the line crosses column
     * {@code left + .5}.
     */
    private static int crossing(int xs, double slope, int dy, int target, int sign, int left) {
        double estimate = Math.ceil((left + .5 - xs) / slope);
        int guess = estimate >= dy ? dy : estimate <= 1 ? 1 : (int) estimate;
        int lo;
        int hi;
        int step = 1;
        if (sign * Truncation.toInt(xs + slope * guess + .5) >= target) {
            hi = guess;
            lo = guess - 1;
            while (sign * Truncation.toInt(xs + slope * lo + .5) >= target) {
                hi = lo;
                lo = Math.max(0, lo - step);
                step <<= 1;
            }
        } else {
            lo = guess;
            hi = guess + 1;
            while (sign * Truncation.toInt(xs + slope * hi + .5) < target) {
                lo = hi;
                hi = Math.min(dy, hi + step);
                step <<= 1;
            }
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (sign * Truncation.toInt(xs + slope * mid + .5) >= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * An edge walked along x, {@code dx > 0}: points {@code (xs + t, v(t))} for {@code t = 0..dx}, emitted
     * from {@code t = dx} down when {@code flip}. Consecutive points always differ in x by one, so each pair
     * {@code (t, t+1)} is a step whose left column is {@code xs + t}; only a left column {@code L} with
     * {@code L mod 5 == 2} maps back to a whole pixel column ({@code (L + .5)/5 - .5} is then exactly
     * {@code (L - 2)/5}; for other {@code L} it is at least 0.2 away from a whole number), so only those
     * pairs are visited. The first and last points go through {@link #point} like any other, for the steps
     * between edges.
     */
    private void edgeAlongX(int xs, int ys, int dx, double slope, boolean flip) {
        int first = flip ? dx : 0;
        point(xs + first, Truncation.toInt(ys + slope * first + .5));
        for (int t = Math.floorMod(2 - xs, 5); t < dx; t += 5) {
            int v0 = Truncation.toInt(ys + slope * t + .5);
            int v1 = Truncation.toInt(ys + slope * (t + 1) + .5);
            toggle(xs + t, Math.min(v0, v1));
        }
        int last = dx - first;
        lastU = xs + last;
        lastV = Truncation.toInt(ys + slope * last + .5);
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
        toggle(u < lastU ? u : u - 1, v < lastV ? v : lastV);
    }

    /**
     * The toggle of a step whose left column is {@code left} on the 5x grid and lower row {@code low}, in
     * integers: {@code (v + .5)/5 - .5} is exactly {@code (v - 2)/5} when {@code v mod 5 == 2} and at least 0.2
     * from a whole number otherwise (see {@link #edgeAlongX}), so the column is kept exactly when
     * {@code left mod 5 == 2} and the row, rounded up after clamping to {@code [0, h]}, is
     * {@code ceil((low - 2)/5)}. {@link #runsEachPoint} takes {@link #toggleAsC} instead, the reference.
     */
    private void toggle(int left, int low) {
        if (eachPoint) {
            toggleAsC(left, low);
            return;
        }
        if (Math.floorMod(left, 5) != 2) {
            return;
        }
        long column = ((long) left - 2) / 5;
        if (column < 0 || column > w - 1) {
            return;
        }
        long row = low < 2 ? 0 : Math.min(((long) low + 2) / 5, h);
        toggles.add((int) column * h + (int) row);
    }

    /** {@link #toggle} in the C code's floating-point steps. */
    private void toggleAsC(int left, int low) {
        double xd = left;
        xd = (xd + .5) / SCALE - .5;
        if (Math.floor(xd) != xd || xd < 0 || xd > w - 1) {
            return;
        }
        double yd = low;
        yd = (yd + .5) / SCALE - .5;
        if (yd < 0) {
            yd = 0;
        } else if (yd > h) {
            yd = h;
        }
        yd = Math.ceil(yd);
        toggles.add((int) xd * h + (int) yd);
    }

    /**
     * The runs of the toggles: sorted, turned into differences and zero-length runs merged, all in the
     * toggle buffer's own array (each step writes at or before where it reads), then copied once.
     */
    private int[] toRuns() {
        toggles.add(h * w);
        int n = toggles.size();
        int[] a = toggles.array();
        Arrays.sort(a, 0, n);
        int previous = 0;
        for (int j = 0; j < n; j++) {
            int t = a[j];
            a[j] -= previous;
            previous = t;
        }
        int out = 1; // the first run stays, even when empty
        int j = 1;
        while (j < n) {
            if (a[j] > 0) {
                a[out++] = a[j++];
            } else {
                j++;
                if (j < n) {
                    a[out - 1] += a[j++];
                }
            }
        }
        return Arrays.copyOf(a, out);
    }
}
