package dev.deteval.eval.coco;

/**
 * One category's slice of the accumulated COCO tables, as {@link OutcomeMerge#accumulate} computes it:
 * precision and scores {@code [T][R][A][M]} and recall {@code [T][A][M]} flattened in C order (T IoU
 * thresholds, R recall thresholds, A area ranges, M maxDets, in {@link CocoParams} order). Entries are -1
 * where the category has no ground truth that is not ignored, exactly as in {@link PrecisionTable}.
 * Immutable: the constructor and the accessors copy.
 *
 * @param categoryRow the category's row in the result tables
 * @param precision {@code [T * R * A * M]}
 * @param recall {@code [T * A * M]}
 * @param scores {@code [T * R * A * M]}
 */
public record CategoryTables(int categoryRow, double[] precision, double[] recall, double[] scores) {

    /** Copies the arrays. */
    public CategoryTables {
        precision = precision.clone();
        recall = recall.clone();
        scores = scores.clone();
        if (scores.length != precision.length) {
            throw new IllegalArgumentException("precision and scores must have the same length, got "
                    + precision.length + " and " + scores.length);
        }
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    // copy-free reads for OutcomeMerge
    double precisionAt(int i) {
        return precision[i];
    }

    double recallAt(int i) {
        return recall[i];
    }

    double scoreAt(int i) {
        return scores[i];
    }
}
