package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.function.IntFunction;

/**
 * The error breakdown and a detection confusion matrix built from one pass over the images: each image's
 * detections are sorted and its similarities across classes computed once, in one shared index of the
 * images, and both analyses read them. The results are those of {@link ErrorBreakdown#compute(GroundTruth,
 * Detections, CocoParams, double, double, boolean)} (at TIDE's thresholds, {@link
 * ErrorBreakdown#DEFAULT_FOREGROUND} and {@link ErrorBreakdown#DEFAULT_BACKGROUND}) and {@link
 * DetectionConfusionMatrix#compute}, bit for bit.
 *
 * <p>The pass is shared for box and mask similarity with categories kept apart; for keypoints (no
 * similarity across classes) or pooled categories the two analyses run one after the other. Immutable.
 */
public final class CrossClassPass {

    private final ErrorBreakdown errors;
    private final DetectionConfusionMatrix matrix;

    private CrossClassPass(ErrorBreakdown errors, DetectionConfusionMatrix matrix) {
        this.errors = errors;
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
        if (!params.useCats() || params.iouType() == IouType.KEYPOINTS) {
            DetectionConfusionMatrix matrix = DetectionConfusionMatrix.compute(gt, dt, params, matrixIou,
                    matrixConfidence, matching);
            return new CrossClassPass(breakdown(gt, dt, params, errorsAllThresholds, null), matrix);
        }
        DetectionConfusionMatrix.Beside beside = new DetectionConfusionMatrix.Beside(gt, dt, params, matrixIou,
                matrixConfidence, matching, ErrorBreakdown.CHUNKS);
        ErrorBreakdown errors = breakdown(gt, dt, params, errorsAllThresholds, beside::visitor);
        return new CrossClassPass(errors, beside.result(errors.categoryIds()));
    }

    private static ErrorBreakdown breakdown(GroundTruth gt, Detections dt, CocoParams params, boolean all,
            IntFunction<ImageMatcher.Visitor> visitors) {
        return ErrorBreakdown.compute(gt, dt, params, ErrorBreakdown.DEFAULT_FOREGROUND,
                ErrorBreakdown.DEFAULT_BACKGROUND, all, visitors);
    }

    /** The error breakdown. */
    public ErrorBreakdown errors() {
        return errors;
    }

    /** The detection confusion matrix. */
    public DetectionConfusionMatrix matrix() {
        return matrix;
    }
}
