package dev.deteval.eval.coco;

import java.util.Arrays;

/**
 * A raw (not interpolated) precision/recall curve of one category or of all categories pooled, at one IoU
 * threshold: one point per distinct detection score, in descending score order. Point {@code i} counts the
 * detections with score at least {@code score[i]} (see {@link OperatingPoints} for which detections count);
 * precision is 0 when none count, recall 0 when there is no ground truth. Arrays are copied in and out.
 *
 * @param categoryId the category id, -1 for the pooled curve
 * @param name the category name, empty for the pooled curve
 * @param score {@code [n]} descending distinct scores
 * @param precision {@code [n]} tp / (tp + fp) at each score
 * @param recall {@code [n]} tp / ground truths that count, at each score (non-decreasing)
 */
public record PrCurve(long categoryId, String name, double[] score, double[] precision, double[] recall) {

    /** Checks the lengths and copies. */
    public PrCurve {
        if (precision.length != score.length || recall.length != score.length) {
            throw new IllegalArgumentException("score, precision and recall must have the same length");
        }
        score = score.clone();
        precision = precision.clone();
        recall = recall.clone();
    }

    @Override
    public double[] score() {
        return score.clone();
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
    public boolean equals(Object o) {
        return o instanceof PrCurve c && c.categoryId == categoryId && c.name.equals(name)
                && Arrays.equals(c.score, score) && Arrays.equals(c.precision, precision)
                && Arrays.equals(c.recall, recall);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(categoryId) * 31 + Arrays.hashCode(score);
    }

    @Override
    public String toString() {
        return "PrCurve[" + categoryId + " " + name + ", " + score.length + " points]";
    }
}
