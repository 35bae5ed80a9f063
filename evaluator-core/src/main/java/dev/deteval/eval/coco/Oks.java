package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;

/**
 * Object keypoint similarity between detections and one ground truth, as pycocotools' {@code computeOks}.
 *
 * <p>With {@code vars = (2σ)²} per keypoint and the ground truth's {@code area} field,
 * {@code e = (dx² + dy²) / vars / (area + eps) / 2}, evaluated in that order (eps = 2<sup>-52</sup>);
 * OKS is the mean of {@code exp(-e)} over the keypoints the ground truth labels ({@code v > 0}).
 * When it labels none, every keypoint counts and {@code dx}, {@code dy} are the distances from the
 * detected point to the ground-truth box enlarged by its own width and height on each side (0 inside).
 * The detection's own visibility flags are not used. The mean sums like numpy (pairwise).
 *
 * <p>Use: {@link #reference} prepares one ground truth (which keypoints count, their places and
 * variances, the scale), then {@link #of(double[], int)} compares detection after detection with it in one
 * tight loop over flat arrays. The arithmetic per keypoint is the same as computing each pair from
 * scratch, operation for operation, so the values are bit for bit those of the formula above. An
 * instance holds scratch state: one per thread.
 */
final class Oks {

    private final double[] vars;
    private final int k;
    /** The prepared ground truth: keypoint numbers that count and, per entry, gt x, gt y and variance. */
    private final int[] index;
    private final double[] gx;
    private final double[] gy;
    private final double[] var;
    private final double[] terms;
    private int counted;
    private boolean labelled;
    private double x0;
    private double x1;
    private double y0;
    private double y1;
    private double scale;

    /** @param sigmas per-keypoint sigma, one per keypoint */
    Oks(double[] sigmas) {
        k = sigmas.length;
        vars = new double[k];
        for (int i = 0; i < k; i++) {
            double twice = sigmas[i] * 2;
            vars[i] = twice * twice;
        }
        index = new int[k];
        gx = new double[k];
        gy = new double[k];
        var = new double[k];
        terms = new double[k];
    }

    int keypointCount() {
        return k;
    }

    /**
     * Prepares the ground truth whose {@code [x, y, v]} triples start at {@code gk[gf]},
     * {@link #keypointCount()} of them, for the following {@link #of(double[], int)} calls.
     *
     * @param x ground-truth box left, pixels
     * @param y ground-truth box top
     * @param w ground-truth box width
     * @param h ground-truth box height
     * @param area ground-truth area field, pixels²
     */
    void reference(double[] gk, int gf, double x, double y, double w, double h, double area) {
        int n = 0;
        for (int i = 0; i < k; i++) {
            if (gk[gf + 3 * i + 2] > 0) {
                index[n] = 3 * i;
                gx[n] = gk[gf + 3 * i];
                gy[n] = gk[gf + 3 * i + 1];
                var[n] = vars[i];
                n++;
            }
        }
        labelled = n > 0;
        if (!labelled) {
            for (int i = 0; i < k; i++) {
                index[i] = 3 * i;
                var[i] = vars[i];
            }
            n = k;
        }
        counted = n;
        x0 = x - w;
        x1 = x + w * 2;
        y0 = y - h;
        y1 = y + h * 2;
        scale = area + NumpyMath.EPS;
    }

    /**
     * The OKS of the detection keypoints at {@code dk[df..]} ({@code [x, y, v]} triples,
     * {@link #keypointCount()} of them) and the ground truth last given to {@link #reference}.
     */
    double of(double[] dk, int df) {
        int n = counted;
        double s = scale;
        if (labelled) {
            for (int j = 0; j < n; j++) {
                int at = df + index[j];
                double dx = dk[at] - gx[j];
                double dy = dk[at + 1] - gy[j];
                terms[j] = Math.exp(-((dx * dx + dy * dy) / var[j] / s / 2));
            }
        } else {
            for (int j = 0; j < n; j++) {
                int at = df + index[j];
                double xd = dk[at];
                double yd = dk[at + 1];
                double dx = Math.max(0, x0 - xd) + Math.max(0, xd - x1);
                double dy = Math.max(0, y0 - yd) + Math.max(0, yd - y1);
                terms[j] = Math.exp(-((dx * dx + dy * dy) / var[j] / s / 2));
            }
        }
        return NumpyMath.sum(terms, n) / n;
    }

    /**
     * The OKS of one pair: {@link #reference} then {@link #of(double[], int)}.
     *
     * @param x ground-truth box left, pixels
     * @param y ground-truth box top
     * @param w ground-truth box width
     * @param h ground-truth box height
     * @param area ground-truth area field, pixels²
     */
    double of(double[] dk, int df, double[] gk, int gf, double x, double y, double w, double h, double area) {
        reference(gk, gf, x, y, w, h, area);
        return of(dk, df);
    }
}
