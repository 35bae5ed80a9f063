package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.data.KeypointColumn;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;

/**
 * Object keypoint similarity of every (detection, ground truth) pair of a group; see {@link Oks}. Each
 * ground truth is prepared once (which keypoints count, their places, the scale) and then compared with
 * the group's detections in one loop; keypoints are read in place from the flat columns.
 */
final class KeypointSimilarity implements Similarity {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private final KeypointColumn dtKps;
    private final KeypointColumn gtKps;
    private final double[] dtValues;
    private final double[] gtValues;
    private final double[] gb;
    private final double[] gtArea;
    private final long[] gtIds;
    private final double[] sigmas;

    KeypointSimilarity(GroundTruth gt, Detections dt, double[] sigmas) {
        this.dtKps = dt.keypoints();
        this.gtKps = gt.keypoints();
        this.dtValues = COLUMNS.values(dtKps);
        this.gtValues = COLUMNS.values(gtKps);
        this.gb = COLUMNS.boxes(gt);
        this.gtArea = COLUMNS.areas(gt);
        this.gtIds = COLUMNS.annotationIds(gt);
        this.sigmas = sigmas.clone();
    }

    @Override
    public void compute(int[] dts, int dtCount, int[] gtRows, int gtFrom, int gtCount, double[] out) {
        Oks oks = new Oks(sigmas); // holds the prepared ground truth: one per call, so threads may share this
        int k = oks.keypointCount();
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
            oks.reference(gtValues, gtKps.start(g), gb[4 * g], gb[4 * g + 1], gb[4 * g + 2], gb[4 * g + 3],
                    gtArea[g]);
            for (int d = 0; d < dtCount; d++) {
                out[d * gtCount + gi] = oks.of(dtValues, dtKps.start(dts[d]));
            }
        }
    }
}
