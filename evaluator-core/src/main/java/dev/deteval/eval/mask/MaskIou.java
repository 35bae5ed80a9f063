package dev.deteval.eval.mask;

import dev.deteval.eval.geometry.Iou;

/**
 * Mask IoU between detections and ground truths, as maskApi {@code rleIou} (pycocotools
 * {@code maskUtils.iou(dt, gt, iscrowd)}).
 *
 * <p>For each pair: first the IoU of the masks' {@link Rle#bbox() bounding boxes} with pycocotools'
 * {@code bbIou} arithmetic ({@link Iou#xywh}, crowd rule included). Pairs whose box IoU is 0 keep 0. For
 * the others: -1 when the masks differ in size; else {@code i / u} with {@code i} the number of pixels set
 * in both, {@code u} the number set in either, or the detection's area when the ground truth is a crowd
 * region; {@code u} is taken as 1 when {@code i == 0}, so the result is 0 then.
 *
 * <p>{@link #iou} does each step as written, the reference; {@link #iouRows} gives the same numbers bit for
 * bit with less work: no copies, a box computed once per mask of the group, the masks' cached areas, and
 * for masks without empty runs (other than the first) only the runs of 1s are walked, up to the last one
 * of either mask, with {@code u = area(dt) + area(gt) - i}.
 */
public final class MaskIou {

    private MaskIou() {
    }

    /**
     * Fills {@code out[d * gt.length + g]} with the IoU of detection {@code d} and ground truth {@code g}.
     *
     * @param dt detection masks
     * @param gt ground-truth masks
     * @param gtCrowd per ground truth, true for a crowd region; {@code null} means none is
     * @param out row-major {@code [dt.length][gt.length]} result, at least {@code dt.length * gt.length} long
     * @throws IllegalArgumentException when {@code gtCrowd} or {@code out} has the wrong length
     */
    public static void iou(Rle[] dt, Rle[] gt, boolean[] gtCrowd, double[] out) {
        if (gtCrowd != null && gtCrowd.length != gt.length) {
            throw new IllegalArgumentException(
                    "gtCrowd has " + gtCrowd.length + " entries for " + gt.length + " ground truths");
        }
        if (out.length < (long) dt.length * gt.length) {
            throw new IllegalArgumentException("out has " + out.length + " entries, " + (long) dt.length * gt.length
                    + " needed for " + dt.length + " detections x " + gt.length + " ground truths");
        }
        double[][] dtBoxes = boxes(dt);
        double[][] gtBoxes = boxes(gt);
        for (int d = 0; d < dt.length; d++) {
            for (int g = 0; g < gt.length; g++) {
                boolean crowd = gtCrowd != null && gtCrowd[g];
                out[d * gt.length + g] = pair(dt[d], dtBoxes[d], gt[g], gtBoxes[g], crowd);
            }
        }
    }

    /**
     * {@link #iou} for the detections {@code dtMasks[dtRows[d]]}, {@code d < dtCount}, and the ground truths
     * {@code gtMasks[gtRows[gtFrom + g]]}, {@code g < gtCount}, without copying them out: fills
     * {@code out[d * gtCount + g]}. The masks must not be null.
     *
     * @param crowd per ground-truth row (indexed like {@code gtMasks}), true for a crowd region
     */
    public static void iouRows(Rle[] dtMasks, int[] dtRows, int dtCount, Rle[] gtMasks, int[] gtRows, int gtFrom,
            int gtCount, boolean[] crowd, double[] out) {
        double[][] dtBoxes = new double[dtCount][];
        int[][] dtRuns = new int[dtCount][];
        for (int d = 0; d < dtCount; d++) {
            Rle dt = dtMasks[dtRows[d]];
            dtRuns[d] = dt.runs(); // unpacked once per group
            dtBoxes[d] = RunBox.of(dtRuns[d], dt.height(), dt.width());
        }
        for (int g = 0; g < gtCount; g++) {
            int row = gtRows[gtFrom + g];
            Rle gt = gtMasks[row];
            int[] gr = gt.runs();
            double[] gb = RunBox.of(gr, gt.height(), gt.width());
            boolean c = crowd[row];
            for (int d = 0; d < dtCount; d++) {
                out[d * gtCount + g] = fastPair(dtMasks[dtRows[d]], dtRuns[d], dtBoxes[d], gt, gr, gb, c);
            }
        }
    }

    private static double fastPair(Rle dt, int[] dr, double[] db, Rle gt, int[] gr, double[] gb, boolean crowd) {
        double boxIou = Iou.xywh(db[0], db[1], db[2], db[3], gb[0], gb[1], gb[2], gb[3], crowd);
        if (!(boxIou > 0)) {
            return boxIou;
        }
        if (dt.height() != gt.height() || dt.width() != gt.width()) {
            return -1;
        }
        if (!dt.plain() || !gt.plain()) {
            return RunOverlap.iou(dr, gr, crowd);
        }
        long i = RunOverlap.intersection(dr, gr);
        long u;
        if (i == 0) {
            u = 1;
        } else if (crowd) {
            u = dt.area();
        } else {
            u = dt.area() + gt.area() - i;
        }
        return (double) i / (double) u;
    }

    private static double pair(Rle dt, double[] db, Rle gt, double[] gb, boolean crowd) {
        double boxIou = Iou.xywh(db[0], db[1], db[2], db[3], gb[0], gb[1], gb[2], gb[3], crowd);
        if (!(boxIou > 0)) {
            return boxIou;
        }
        if (dt.height() != gt.height() || dt.width() != gt.width()) {
            return -1;
        }
        return RunOverlap.iou(dt.runs(), gt.runs(), crowd);
    }

    private static double[][] boxes(Rle[] masks) {
        double[][] boxes = new double[masks.length][];
        for (int i = 0; i < masks.length; i++) {
            boxes[i] = RunBox.unsigned(masks[i].runs(), masks[i].height(), masks[i].width());
        }
        return boxes;
    }
}
