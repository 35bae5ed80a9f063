package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import dev.deteval.eval.mask.MaskIou;
import dev.deteval.eval.mask.Rle;

/**
 * Mask IoU of run-length-encoded masks ({@link MaskIou}, pycocotools' {@code maskUtils.iou}): crowd ground
 * truths use the detection's mask area as the union; masks of different sizes give -1. Computed by
 * {@link MaskIou#iouRows} on the masks' own arrays, with no per-group copies.
 */
final class MaskSimilarity implements Similarity {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private final Rle[] dtMasks;
    private final Rle[] gtMasks;
    private final boolean[] crowd;
    private final long[] gtIds;

    MaskSimilarity(GroundTruth gt, Detections dt) {
        this.dtMasks = COLUMNS.masks(dt);
        this.gtMasks = COLUMNS.masks(gt);
        this.crowd = COLUMNS.crowd(gt);
        this.gtIds = COLUMNS.annotationIds(gt);
    }

    @Override
    public void compute(int[] dts, int dtCount, int[] gtRows, int gtFrom, int gtCount, double[] out) {
        for (int i = 0; i < dtCount; i++) {
            if (dtMasks[dts[i]] == null) {
                throw new IllegalArgumentException("detection " + dts[i] + " has no segmentation (segm evaluation)");
            }
        }
        for (int i = 0; i < gtCount; i++) {
            int row = gtRows[gtFrom + i];
            if (gtMasks[row] == null) {
                throw new IllegalArgumentException("annotation " + gtIds[row]
                        + " has no segmentation (segm evaluation)");
            }
        }
        MaskIou.iouRows(dtMasks, dts, dtCount, gtMasks, gtRows, gtFrom, gtCount, crowd, out);
    }
}
