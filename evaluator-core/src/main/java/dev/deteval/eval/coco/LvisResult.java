package dev.deteval.eval.coco;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an LVIS evaluation produced: the thirteen summary numbers named by {@link LvisMetric} (in
 * lvis-api's order; -1 where nothing could be averaged), one row per category of the ground truth
 * (ascending id), the precision [T,R,K,A,1] and recall [T,K,A,1] tables (lvis-api's arrays with a maxDets
 * axis of length one), how many inputs each filter kept, and warnings about the input.
 *
 * @param iouType what was compared: {@link IouType#BBOX} or {@link IouType#SEGM}
 * @param categoryIds the K category ids in table order (ascending)
 * @param stats the summary values by {@link LvisMetric} name, in lvis-api's order
 * @param perCategory one row per category, in table order
 * @param tables the accumulated tables; the maxDets axis has the one value {@link LvisEvaluator#MAX_DETS_PER_IMAGE}
 * @param counts what the cap and the federated rules kept
 * @param warnings human-readable warnings about the input; empty when there are none
 */
public record LvisResult(IouType iouType, long[] categoryIds, Map<String, Double> stats,
        List<LvisCategoryMetrics> perCategory, PrecisionTable tables, Counts counts, List<String> warnings) {

    /**
     * How many inputs each step kept.
     *
     * @param detections detections given
     * @param keptByCap detections left after the per-image cap
     * @param evaluated detections evaluated (after the category, {@code w*h > 0} and federated rules)
     * @param groundTruthEvaluated ground truths that count ({@code area > 0}, known category)
     */
    public record Counts(int detections, int keptByCap, int evaluated, int groundTruthEvaluated) {
    }

    /** Defensive copies. */
    public LvisResult {
        categoryIds = categoryIds.clone();
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        perCategory = List.copyOf(perCategory);
        warnings = List.copyOf(warnings);
    }

    /** The category ids (a copy). */
    @Override
    public long[] categoryIds() {
        return categoryIds.clone();
    }

    /**
     * A summary value by name.
     *
     * @throws IllegalArgumentException for a name that is not an LVIS summary metric
     */
    public double stat(String name) {
        Double v = stats.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown LVIS stat '" + name + "'; known: " + stats.keySet());
        }
        return v;
    }

    /** The IoU thresholds the evaluation used (numpy's {@code linspace(0.5, 0.95, 10)}; a copy). */
    public double[] iouThresholds() {
        return LvisEvaluator.params().iouThrs();
    }
}
