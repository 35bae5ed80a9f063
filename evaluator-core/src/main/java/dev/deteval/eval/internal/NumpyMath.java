package dev.deteval.eval.internal;

/**
 * Floating-point routines that reproduce numpy's results bit for bit, so that means and thresholds
 * computed here equal the ones pycocotools and voc_eval.py print.
 *
 * <p>Not API: the package {@code dev.deteval.eval.internal} may change without notice.
 */
public final class NumpyMath {

    /** numpy's {@code np.spacing(1)} and {@code np.finfo(np.float64).eps}: 2<sup>-52</sup>. */
    public static final double EPS = Math.ulp(1.0);

    private static final int BUFFER_SIZE = 8192;
    private static final int BLOCK = 128;

    private NumpyMath() {
    }

    /**
     * Sum of {@code values[0..n)} in the order numpy's {@code add.reduce} uses for a contiguous float64
     * array: buffers of 8192 values, each summed pairwise, added to a running total that starts at 0.0.
     */
    public static double sum(double[] values, int n) {
        double total = 0.0;
        for (int start = 0; start < n; start += BUFFER_SIZE) {
            total += pairwise(values, start, Math.min(BUFFER_SIZE, n - start));
        }
        return total;
    }

    /** {@code np.mean} of the first {@code n} values: {@link #sum} divided by n; NaN when n is 0. */
    public static double mean(double[] values, int n) {
        return sum(values, n) / n;
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = 8;
            int blockEnd = n - (n % 8);
            for (; i < blockEnd; i += 8) {
                r0 += a[from + i];
                r1 += a[from + i + 1];
                r2 += a[from + i + 2];
                r3 += a[from + i + 3];
                r4 += a[from + i + 4];
                r5 += a[from + i + 5];
                r6 += a[from + i + 6];
                r7 += a[from + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }

    /**
     * {@code np.linspace(start, stop, num)}: element k is {@code start + k * step} with
     * {@code step = (stop - start) / (num - 1)}, and the last element is exactly {@code stop}.
     */
    public static double[] linspace(double start, double stop, int num) {
        if (num < 0) {
            throw new IllegalArgumentException("number of samples must not be negative, got " + num);
        }
        double[] out = new double[num];
        if (num == 0) {
            return out;
        }
        if (num == 1) {
            out[0] = start;
            return out;
        }
        double step = (stop - start) / (num - 1);
        for (int k = 0; k < num; k++) {
            out[k] = k * step + start;
        }
        out[num - 1] = stop;
        return out;
    }

    /**
     * {@code np.arange(start, stop, step)} for float64: length {@code ceil((stop - start) / step)} and
     * element k equal to {@code start + k * delta}, where {@code delta = (start + step) - start}.
     */
    public static double[] arange(double start, double stop, double step) {
        int len = (int) Math.max(0, Math.ceil((stop - start) / step));
        double[] out = new double[len];
        if (len == 0) {
            return out;
        }
        out[0] = start;
        if (len == 1) {
            return out;
        }
        out[1] = start + step;
        double delta = out[1] - out[0];
        for (int k = 2; k < len; k++) {
            out[k] = start + k * delta;
        }
        return out;
    }
}
