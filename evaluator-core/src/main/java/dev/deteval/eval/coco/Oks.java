package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;

/**
 * Object keypoint similarity between one detection and one ground truth, as pycocotools'
 * {@code computeOks}.
 *
 * <p>With {@code vars = (2σ)²} per keypoint and the ground truth's {@code area} field,
 * {@code e = (dx² + dy²) / vars / (area + eps) / 2}, evaluated in that order (eps = 2<sup>-52</sup>);
 * OKS is the mean of {@code exp(-e)} over the keypoints the ground truth labels ({@code v > 0}).
 * When it labels none, every keypoint counts and {@code dx}, {@code dy} are the distances from the
 * detected point to the ground-truth box enlarged by its own width and height on each side (0 inside).
 * The detection's own visibility flags are not used. The mean sums like numpy (pairwise).
 */
final class Oks {

    private final double[] vars;

    /** @param sigmas per-keypoint sigma, one per keypoint */
    Oks(double[] sigmas) {
        vars = new double[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            double twice = sigmas[i] * 2;
            vars[i] = twice * twice;
        }
    }

    int keypointCount() {
        return vars.length;
    }

    /**
     * The OKS of the detection keypoints at {@code dk[df..]} and the ground-truth keypoints at
     * {@code gk[gf..]}, both {@code [x, y, v]} triples, {@link #keypointCount()} of them.
     *
     * @param x ground-truth box left, pixels
     * @param y ground-truth box top
     * @param w ground-truth box width
     * @param h ground-truth box height
     * @param area ground-truth area field, pixels²
     * @param scratch room for {@link #keypointCount()} values
     */
    double of(double[] dk, int df, double[] gk, int gf, double x, double y, double w, double h, double area,
            double[] scratch) {
        int k = vars.length;
        int labelled = 0;
        for (int i = 0; i < k; i++) {
            if (gk[gf + 3 * i + 2] > 0) {
                labelled++;
            }
        }
        double x0 = x - w;
        double x1 = x + w * 2;
        double y0 = y - h;
        double y1 = y + h * 2;
        double scale = area + NumpyMath.EPS;
        int n = 0;
        for (int i = 0; i < k; i++) {
            double xd = dk[df + 3 * i];
            double yd = dk[df + 3 * i + 1];
            double dx;
            double dy;
            if (labelled > 0) {
                if (!(gk[gf + 3 * i + 2] > 0)) {
                    continue;
                }
                dx = xd - gk[gf + 3 * i];
                dy = yd - gk[gf + 3 * i + 1];
            } else {
                dx = Math.max(0, x0 - xd) + Math.max(0, xd - x1);
                dy = Math.max(0, y0 - yd) + Math.max(0, yd - y1);
            }
            double e = (dx * dx + dy * dy) / vars[i] / scale / 2;
            scratch[n++] = Math.exp(-e);
        }
        return NumpyMath.sum(scratch, n) / n;
    }
}
