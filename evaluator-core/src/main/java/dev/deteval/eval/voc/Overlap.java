package dev.deteval.eval.voc;

/**
 * The overlap (IoU) of two boxes given by corners, with the operations of voc_eval.py in its order:
 * <pre>
 *   iw = max(min(xmax_d, xmax_g) - max(xmin_d, xmin_g) + e, 0),  ih likewise
 *   inter = iw * ih
 *   union = (xmax_d - xmin_d + e) * (ymax_d - ymin_d + e) + (xmax_g - xmin_g + e) * (ymax_g - ymin_g + e) - inter
 *   overlap = inter / union
 * </pre>
 * with {@code e} = 1 ({@link BoxConvention#PIXEL_PLUS_ONE}) or 0 ({@link BoxConvention#CONTINUOUS});
 * adding 0.0 leaves a value unchanged, so one formula serves both. Two boxes of zero area give NaN
 * (0 / 0), as in numpy.
 */
final class Overlap {

    private Overlap() {
    }

    /**
     * Overlap of box {@code d} (at {@code 4 * di} in {@code dBoxes}) with box {@code g} (at {@code 4 * gi}
     * in {@code gBoxes}), both {@code [xmin, ymin, xmax, ymax]}.
     */
    static double of(double e, double[] dBoxes, int di, double[] gBoxes, int gi) {
        int d = 4 * di;
        int g = 4 * gi;
        double dx0 = dBoxes[d];
        double dy0 = dBoxes[d + 1];
        double dx1 = dBoxes[d + 2];
        double dy1 = dBoxes[d + 3];
        double gx0 = gBoxes[g];
        double gy0 = gBoxes[g + 1];
        double gx1 = gBoxes[g + 2];
        double gy1 = gBoxes[g + 3];
        double iw = Math.max(Math.min(gx1, dx1) - Math.max(gx0, dx0) + e, 0.0);
        double ih = Math.max(Math.min(gy1, dy1) - Math.max(gy0, dy0) + e, 0.0);
        double inter = iw * ih;
        double union = (dx1 - dx0 + e) * (dy1 - dy0 + e) + (gx1 - gx0 + e) * (gy1 - gy0 + e) - inter;
        return inter / union;
    }
}
