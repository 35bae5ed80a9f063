package dev.deteval.eval.coco;

import java.util.List;

/**
 * Everything a COCO evaluation produced: the parameters it ran with, the summary statistics, one
 * row per evaluated category, the full precision/recall/score tables and warnings about the input
 * (for example detections whose category is not in the ground truth, which pycocotools drops).
 *
 * @param params the parameters used
 * @param categoryIds the K evaluated category ids in table order (ascending; {@code [-1]} when
 *     categories are pooled)
 * @param summary the headline statistics
 * @param perCategory one row per evaluated category, in table order
 * @param tables precision [T,R,K,A,M], recall [T,K,A,M] and scores [T,R,K,A,M]
 * @param warnings human-readable warnings about the input; empty when there are none
 */
public record CocoResult(CocoParams params, long[] categoryIds, CocoSummary summary,
        List<CategoryMetrics> perCategory, PrecisionTable tables, List<String> warnings) {

    /** Defensive copies. */
    public CocoResult {
        categoryIds = categoryIds.clone();
        perCategory = List.copyOf(perCategory);
        warnings = List.copyOf(warnings);
    }

    /** The evaluated category ids (a copy). */
    @Override
    public long[] categoryIds() {
        return categoryIds.clone();
    }

    /** The evaluation mode. */
    public CocoMode mode() {
        return params.mode();
    }
}
