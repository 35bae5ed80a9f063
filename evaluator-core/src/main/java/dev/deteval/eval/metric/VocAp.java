package dev.deteval.eval.metric;

import dev.deteval.eval.internal.NumpyMath;
import java.util.Objects;

/**
 * The two Pascal VOC average-precision definitions, computed with the floating-point operations of
 * {@code voc_ap()} in voc_eval.py so that results agree with it to the last bit.
 *
 * <p>Both take a precision/recall curve of length {@code n} in detection (descending score) order:
 * {@code recall[i]} and {@code precision[i]} are the cumulative recall and precision after the first
 * {@code i + 1} detections. Recall does not decrease along the curve. Values are plain ratios in
 * [0, 1].
 */
public final class VocAp {

    private static final double[] VOC07_THRESHOLDS = NumpyMath.arange(0.0, 1.1, 0.1);

    private VocAp() {
    }

    /**
     * The recall points of voc_eval.py's 11-point metric, numpy's {@code arange(0., 1.1, 0.1)}:
     * 0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1.
     * Three of them lie just above the decimal tenth. Returns a copy.
     */
    public static double[] voc07Thresholds() {
        return VOC07_THRESHOLDS.clone();
    }

    /**
     * VOC2007 11-point interpolated AP as voc_eval.py computes it ({@code use_07_metric=True}):
     * <pre>
     *   AP = sum over t in arange(0, 1.1, 0.1) of  p(t) / 11,
     *   p(t) = max { precision[i] : recall[i] >= t },  or 0 when no recall reaches t,
     * </pre>
     * summed left to right. A recall of exactly 0.3, 0.6 or 0.7 does not reach the point
     * 0.30000000000000004, 0.6000000000000001 or 0.7000000000000001 (see {@link #voc07Thresholds()}),
     * and a perfect curve can give 1.0000000000000002.
     *
     * @param n the number of curve points to use, {@code <=} both array lengths
     */
    public static double elevenPoint(double[] recall, double[] precision, int n) {
        return interpolated(recall, precision, n, VOC07_THRESHOLDS);
    }

    /**
     * Interpolated AP over arbitrary recall points: the sum over {@code t} in {@code thresholds} of
     * {@code p(t) / thresholds.length}, with {@code p(t)} as in {@link #elevenPoint}. With the eleven
     * exact tenths {@code k / 10.0} this is the "11-point AP with exact thresholds" that some
     * re-implementations compute.
     *
     * @param n the number of curve points to use, {@code <=} both array lengths
     * @param thresholds the recall points, at least one
     */
    public static double interpolated(double[] recall, double[] precision, int n, double[] thresholds) {
        checkCurve(recall, precision, n);
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("at least one recall threshold is needed");
        }
        double count = thresholds.length;
        double ap = 0.0;
        for (double t : thresholds) {
            ap = ap + maxPrecisionFrom(recall, precision, n, t) / count;
        }
        return ap;
    }

    private static double maxPrecisionFrom(double[] recall, double[] precision, int n, double t) {
        double p = 0.0;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (recall[i] >= t) {
                p = any ? Math.max(p, precision[i]) : precision[i];
                any = true;
            }
        }
        return p;
    }

    /**
     * All-point AP (VOC2010 and later; voc_eval.py with {@code use_07_metric=False}): the area under the
     * monotone precision envelope.
     * <pre>
     *   mrec = [0, recall..., 1],  mpre = [0, precision..., 0]
     *   mpre[i-1] = max(mpre[i-1], mpre[i])   for i from the end down to 1
     *   AP = sum over i with mrec[i+1] != mrec[i] of (mrec[i+1] - mrec[i]) * mpre[i+1]
     * </pre>
     * The terms are added in numpy's pairwise order ({@link NumpyMath#sum}).
     *
     * @param n the number of curve points to use, {@code <=} both array lengths
     */
    public static double allPoints(double[] recall, double[] precision, int n) {
        checkCurve(recall, precision, n);
        int m = n + 2;
        double[] mrec = new double[m];
        double[] mpre = new double[m];
        System.arraycopy(recall, 0, mrec, 1, n);
        System.arraycopy(precision, 0, mpre, 1, n);
        mrec[m - 1] = 1.0;
        for (int i = m - 1; i > 0; i--) {
            mpre[i - 1] = Math.max(mpre[i - 1], mpre[i]);
        }
        double[] terms = new double[m - 1];
        int count = 0;
        for (int i = 0; i < m - 1; i++) {
            if (mrec[i + 1] != mrec[i]) {
                terms[count++] = (mrec[i + 1] - mrec[i]) * mpre[i + 1];
            }
        }
        return NumpyMath.sum(terms, count);
    }

    private static void checkCurve(double[] recall, double[] precision, int n) {
        Objects.requireNonNull(recall, "recall");
        Objects.requireNonNull(precision, "precision");
        if (n < 0 || n > recall.length || n > precision.length) {
            throw new IllegalArgumentException("curve length " + n + " does not fit arrays of length "
                    + recall.length + " and " + precision.length);
        }
    }
}
