package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.geometry.Iou;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;

/** Box IoU with pycocotools' {@code bbIou} arithmetic (crowd: intersection over the detection's area). */
final class BoxSimilarity implements Similarity {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private final double[] db;
    private final double[] gb;
    private final boolean[] crowd;

    BoxSimilarity(GroundTruth gt, Detections dt) {
        this.db = COLUMNS.boxes(dt);
        this.gb = COLUMNS.boxes(gt);
        this.crowd = COLUMNS.crowd(gt);
    }

    @Override
    public void compute(int[] dts, int dtCount, int[] gtRows, int gtFrom, int gtCount, double[] ious) {
        for (int gi = 0; gi < gtCount; gi++) {
            int grow = gtRows[gtFrom + gi];
            double xg = gb[4 * grow];
            double yg = gb[4 * grow + 1];
            double wg = gb[4 * grow + 2];
            double hg = gb[4 * grow + 3];
            // Iou.xywh's arithmetic with the ground truth's edges and area made once, not per pair, and no
            // call to xywh itself (short runs' C1 code does not inline it)
            double x2g = wg + xg;
            double y2g = hg + yg;
            double areaG = wg * hg;
            boolean c = crowd[grow];
            for (int d = 0; d < dtCount; d++) {
                int at = 4 * dts[d];
                double xd = db[at];
                double yd = db[at + 1];
                double wd = db[at + 2];
                double hd = db[at + 3];
                ious[d * gtCount + gi] = Iou.edges(xd, yd, wd + xd, hd + yd, wd * hd, xg, yg, x2g, y2g, areaG, c);
            }
        }
    }
}
