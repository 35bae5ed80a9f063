package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

/**
 * The error breakdown and a detection confusion matrix built from one pass over the images: each image's
 * detections are sorted and its similarities across classes computed once, in one shared index of the
 * images, and both analyses read them. The results are those of {@link ErrorBreakdown#compute(GroundTruth,
 * Detections, CocoParams, double, double, boolean)} (at TIDE's thresholds, {@link
 * ErrorBreakdown#DEFAULT_FOREGROUND} and {@link ErrorBreakdown#DEFAULT_BACKGROUND}) and {@link
 * DetectionConfusionMatrix#compute}, bit for bit.
 *
 * <p>The pass does not need the matrix's confidence: it keeps what the matrix's assignment needs of each
 * image, and {@link #matrix(double)} assigns at any confidence afterwards without walking the similarities
 * again. So the pass can run before the confidence is known (the HTML page's is the best-F1 confidence of
 * the evaluation's operating points).
 *
 * <p>The pass is shared for box and mask similarity with categories kept apart; for keypoints (no
 * similarity across classes) or pooled categories the two analyses run one after the other (the matrix
 * when asked for). Immutable; {@link #matrix(double)} may be called from any thread.
 */
public final class CrossClassPass {

    private final ErrorBreakdown errors;
    private final DoubleFunction<DetectionConfusionMatrix> matrices;
    private final DetectionConfusionMatrix matrix;

    private CrossClassPass(ErrorBreakdown errors, DoubleFunction<DetectionConfusionMatrix> matrices,
            DetectionConfusionMatrix matrix) {
        this.errors = errors;
        this.matrices = matrices;
        this.matrix = matrix;
    }

    /**
     * Builds both analyses.
     *
     * @param params the evaluation's parameters (see the two analyses for what each reads)
     * @param errorsAllThresholds whether the error breakdown computes dAP over the evaluation's IoU thresholds
     *     too
     * @param matrixIou the similarity threshold of a match in the confusion matrix, in [0, 1]
     * @param matrixConfidence the score a detection needs to take part in the confusion matrix
     * @param matching how the confusion matrix pairs detections with ground truths of other classes
     * @throws IllegalArgumentException when {@code matrixIou} is out of range
     */
    public static CrossClassPass compute(GroundTruth gt, Detections dt, CocoParams params, boolean errorsAllThresholds,
            double matrixIou, double matrixConfidence, DetectionConfusionMatrix.Matching matching) {
        CrossClassPass pass = compute(gt, dt, params, errorsAllThresholds, matrixIou, matching);
        return new CrossClassPass(pass.errors, pass.matrices, pass.matrix(matrixConfidence));
    }

    /**
     * Builds the error breakdown and keeps what the confusion matrix needs, for {@link #matrix(double)} at
     * any confidence.
     *
     * @param params the evaluation's parameters (see the two analyses for what each reads)
     * @param errorsAllThresholds whether the error breakdown computes dAP over the evaluation's IoU thresholds
     *     too
     * @param matrixIou the similarity threshold of a match in the confusion matrix, in [0, 1]
     * @param matching how the confusion matrix pairs detections with ground truths of other classes
     * @throws IllegalArgumentException when {@code matrixIou} is out of range
     * @throws java.util.concurrent.CancellationException when the thread walking the images is interrupted (the
     *     interrupt stays set), as in {@link ErrorBreakdown#compute(GroundTruth, Detections, CocoParams, double,
     *     double, boolean)}
     */
    public static CrossClassPass compute(GroundTruth gt, Detections dt, CocoParams params, boolean errorsAllThresholds,
            double matrixIou, DetectionConfusionMatrix.Matching matching) {
        return compute(gt, dt, params, errorsAllThresholds, matrixIou, matching, true);
    }

    /**
     * As {@link #compute(GroundTruth, Detections, CocoParams, boolean, double, DetectionConfusionMatrix.Matching)},
     * with the images split over the common fork-join pool when {@code parallel}, else walked on the calling
     * thread alone (for a caller that runs the pass beside the evaluation, which keeps the cores busy: sharing
     * the pool with it costs more than the split gains). Same results either way.
     */
    public static CrossClassPass compute(GroundTruth gt, Detections dt, CocoParams params, boolean errorsAllThresholds,
            double matrixIou, DetectionConfusionMatrix.Matching matching, boolean parallel) {
        int chunks = ErrorBreakdown.chunks(parallel);
        if (!params.useCats() || params.iouType() == IouType.KEYPOINTS) {
            DetectionConfusionMatrix.checkIou(matrixIou);
            return new CrossClassPass(breakdown(gt, dt, params, errorsAllThresholds, null, chunks),
                    c -> DetectionConfusionMatrix.compute(gt, dt, params, matrixIou, c, matching), null);
        }
        DetectionConfusionMatrix.Beside beside = new DetectionConfusionMatrix.Beside(gt, dt, params, matrixIou,
                matching, chunks);
        ErrorBreakdown errors = breakdown(gt, dt, params, errorsAllThresholds, beside::visitor, chunks);
        long[] ids = errors.categoryIds();
        return new CrossClassPass(errors, c -> beside.result(ids, c), null);
    }

    private static ErrorBreakdown breakdown(GroundTruth gt, Detections dt, CocoParams params, boolean all,
            IntFunction<ImageMatcher.Visitor> visitors, int chunks) {
        return ErrorBreakdown.compute(gt, dt, params, ErrorBreakdown.DEFAULT_FOREGROUND,
                ErrorBreakdown.DEFAULT_BACKGROUND, all, visitors, chunks);
    }

    /** The error breakdown. */
    public ErrorBreakdown errors() {
        return errors;
    }

    /**
     * The detection confusion matrix at the confidence given to {@link #compute(GroundTruth, Detections,
     * CocoParams, boolean, double, double, DetectionConfusionMatrix.Matching)}.
     *
     * @throws IllegalStateException when the pass was built without a confidence
     */
    public DetectionConfusionMatrix matrix() {
        if (matrix == null) {
            throw new IllegalStateException("the pass was built without a confidence: use matrix(confidence)");
        }
        return matrix;
    }

    /** The detection confusion matrix at {@code confidence} (the score a detection needs to take part). */
    public DetectionConfusionMatrix matrix(double confidence) {
        return matrix != null && Double.compare(confidence, matrix.confidence()) == 0 ? matrix
                : matrices.apply(confidence);
    }
}
