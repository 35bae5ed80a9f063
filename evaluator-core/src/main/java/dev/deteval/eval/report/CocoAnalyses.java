package dev.deteval.eval.report;

import dev.deteval.eval.coco.Comparison;
import dev.deteval.eval.coco.ConfidenceIntervals;
import dev.deteval.eval.coco.Curves;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.ErrorBreakdown;
import dev.deteval.eval.coco.OperatingPointTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a COCO report shows beyond the evaluation itself; every part may be null (not asked for).
 *
 * @param at the operating points at the requested confidence (then {@code best} is given too)
 * @param best the best-F1 operating points
 * @param matrix the detection confusion matrix
 * @param errors the TIDE-style error breakdown
 * @param curves the PR and confidence curves (JSON only)
 * @param intervals the bootstrap confidence intervals
 * @param comparison the paired comparison with the baseline's detections
 * @param custom the values of the custom metrics asked for ({@link dev.deteval.eval.coco.CustomMetric}), by
 *     name in order; empty when none
 */
public record CocoAnalyses(OperatingPointTable at, OperatingPointTable best, DetectionConfusionMatrix matrix,
        ErrorBreakdown errors, Curves curves, ConfidenceIntervals intervals, Comparison comparison,
        Map<String, Double> custom) {

    /** Copies the custom values, keeping their order. */
    public CocoAnalyses {
        custom = custom == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(custom));
    }

    /** The analyses without custom metrics. */
    public CocoAnalyses(OperatingPointTable at, OperatingPointTable best, DetectionConfusionMatrix matrix,
            ErrorBreakdown errors, Curves curves, ConfidenceIntervals intervals, Comparison comparison) {
        this(at, best, matrix, errors, curves, intervals, comparison, Map.of());
    }

    /** Nothing beyond the evaluation. */
    public static CocoAnalyses none() {
        return new CocoAnalyses(null, null, null, null, null, null, null);
    }
}
