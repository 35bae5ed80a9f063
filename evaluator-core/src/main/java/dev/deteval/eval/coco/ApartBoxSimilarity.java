package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.geometry.Iou;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;

/**
 * Box IoU as {@link BoxSimilarity} computes it, bit for bit, for the analyses that compare every detection
 * of an image with every ground truth of it, across classes: most such pairs lie apart, and a pair whose
 * boxes are apart along x or y (one box's right or bottom edge at or before the other's left or top edge)
 * gets 0 without the IoU arithmetic. That is the value {@link Iou#xywh} returns for them when all eight
 * edges are finite numbers, which is checked; any other pair goes through {@link Iou#xywh}. Stateless
 * apart from read-only inputs.
 */
final class ApartBoxSimilarity implements Similarity {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private final double[] db;
    private final double[] gb;
    private final boolean[] crowd;

    ApartBoxSimilarity(GroundTruth gt, Detections dt) {
        this.db = COLUMNS.boxes(dt);
        this.gb = COLUMNS.boxes(gt);
        this.crowd = COLUMNS.crowd(gt);
    }

    @Override
    public void compute(int[] dts, int dtCount, int[] gtRows, int gtFrom, int gtCount, double[] ious) {
        for (int d = 0; d < dtCount; d++) {
            int drow = dts[d];
            double xd = db[4 * drow];
            double yd = db[4 * drow + 1];
            double wd = db[4 * drow + 2];
            double hd = db[4 * drow + 3];
            double xd2 = wd + xd;
            double yd2 = hd + yd;
            boolean finite = finite(xd) && finite(yd) && finite(xd2) && finite(yd2);
            int row = d * gtCount;
            for (int gi = 0; gi < gtCount; gi++) {
                int grow = gtRows[gtFrom + gi];
                double xg = gb[4 * grow];
                double yg = gb[4 * grow + 1];
                double wg = gb[4 * grow + 2];
                double hg = gb[4 * grow + 3];
                double xg2 = wg + xg;
                double yg2 = hg + yg;
                if (finite && (xd2 <= xg || xg2 <= xd || yd2 <= yg || yg2 <= yd) && finite(xg) && finite(yg)
                        && finite(xg2) && finite(yg2)) {
                    // apart along one axis: the intersection's width or height is at most 0
                    ious[row + gi] = 0.0;
                } else {
                    ious[row + gi] = Iou.xywh(xd, yd, wd, hd, xg, yg, wg, hg, crowd[grow]);
                }
            }
        }
    }

    /** Whether {@code v} is neither infinite nor NaN. */
    private static boolean finite(double v) {
        return v - v == 0;
    }
}
