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
            boolean c = crowd[grow];
            for (int d = 0; d < dtCount; d++) {
                int drow = dts[d];
                ious[d * gtCount + gi] = Iou.xywh(db[4 * drow], db[4 * drow + 1], db[4 * drow + 2], db[4 * drow + 3],
                        xg, yg, wg, hg, c);
            }
        }
    }
}
