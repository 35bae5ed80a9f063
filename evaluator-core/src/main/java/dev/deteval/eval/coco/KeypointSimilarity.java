package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.data.KeypointColumn;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;

/** Object keypoint similarity of every (detection, ground truth) pair of a group; see {@link Oks}. */
final class KeypointSimilarity implements Similarity {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private final KeypointColumn dtKps;
    private final KeypointColumn gtKps;
    private final double[] dtValues;
    private final double[] gtValues;
    private final double[] gb;
    private final double[] gtArea;
    private final long[] gtIds;
    private final Oks oks;

    KeypointSimilarity(GroundTruth gt, Detections dt, double[] sigmas) {
        this.dtKps = dt.keypoints();
        this.gtKps = gt.keypoints();
        this.dtValues = COLUMNS.values(dtKps);
        this.gtValues = COLUMNS.values(gtKps);
        this.gb = COLUMNS.boxes(gt);
        this.gtArea = COLUMNS.areas(gt);
        this.gtIds = COLUMNS.annotationIds(gt);
        this.oks = new Oks(sigmas);
    }

    @Override
    public void compute(int[] dts, int dtCount, int[] gtRows, int gtFrom, int gtCount, double[] out) {
        int k = oks.keypointCount();
        double[] scratch = new double[k];
        for (int d = 0; d < dtCount; d++) {
            if (dtKps.count(dts[d]) != k) {
                throw new KeypointCountException(false, dts[d], "detection " + dts[d] + " has "
                        + dtKps.count(dts[d]) + " keypoints, but kpt_oks_sigmas has " + k);
            }
        }
        for (int gi = 0; gi < gtCount; gi++) {
            int g = gtRows[gtFrom + gi];
            if (gtKps.count(g) != k) {
                throw new KeypointCountException(true, g, "annotation " + gtIds[g] + " has " + gtKps.count(g)
                        + " keypoints, but kpt_oks_sigmas has " + k);
            }
            for (int d = 0; d < dtCount; d++) {
                out[d * gtCount + gi] = oks.of(dtValues, dtKps.start(dts[d]), gtValues, gtKps.start(g),
                        gb[4 * g], gb[4 * g + 1], gb[4 * g + 2], gb[4 * g + 3], gtArea[g], scratch);
            }
        }
    }
}
