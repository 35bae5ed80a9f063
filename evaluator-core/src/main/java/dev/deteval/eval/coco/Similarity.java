package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;

/**
 * The similarity between the detections and the ground truths of one (image, category) group: box
 * IoU, mask IoU or OKS, chosen by {@link IouType}. Implementations are stateless apart from read-only
 * inputs and may be shared by threads.
 */
interface Similarity {

    /**
     * Fills {@code out[d * gtCount + g]} with the similarity of detection row {@code dtRows[d]} and
     * ground-truth row {@code gtRows[gtFrom + g]}.
     *
     * @param dtRows detection rows, sorted by descending score; the first {@code dtCount} are used
     * @param gtRows ground-truth rows of the group at {@code [gtFrom, gtFrom + gtCount)}
     * @param out row-major {@code [dtCount][gtCount]}
     */
    void compute(int[] dtRows, int dtCount, int[] gtRows, int gtFrom, int gtCount, double[] out);

    /** The similarity for {@code params.iouType()}. */
    static Similarity of(IouType type, GroundTruth gt, Detections dt, CocoParams params) {
        return switch (type) {
            case BBOX -> new BoxSimilarity(gt, dt);
            case SEGM -> new MaskSimilarity(gt, dt);
            case KEYPOINTS -> new KeypointSimilarity(gt, dt, params.kptOksSigmas());
        };
    }
}
