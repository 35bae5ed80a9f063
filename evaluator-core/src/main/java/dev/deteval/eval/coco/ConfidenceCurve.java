package dev.deteval.eval.coco;

import java.util.Arrays;

/**
 * Precision, recall and F1 of one category (or all pooled) against the confidence threshold, from raw
 * counts at one IoU threshold (as {@link OperatingPoints#at} computes them, with the same conventions for
 * zero denominators). Arrays are copied in and out.
 *
 * @param categoryId the category id, -1 for the pooled curve
 * @param name the category name, empty for the pooled curve
 * @param confidence {@code [n]} ascending thresholds
 * @param precision {@code [n]} precision at each threshold
 * @param recall {@code [n]} recall at each threshold
 * @param f1 {@code [n]} F1 at each threshold
 */
public record ConfidenceCurve(long categoryId, String name, double[] confidence, double[] precision,
        double[] recall, double[] f1) {

    /** Checks the lengths and copies. */
    public ConfidenceCurve {
        int n = confidence.length;
        if (precision.length != n || recall.length != n || f1.length != n) {
            throw new IllegalArgumentException("confidence, precision, recall and f1 must have the same length");
        }
        confidence = confidence.clone();
        precision = precision.clone();
        recall = recall.clone();
        f1 = f1.clone();
    }

    @Override
    public double[] confidence() {
        return confidence.clone();
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
    public double[] f1() {
        return f1.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfidenceCurve c && c.categoryId == categoryId && c.name.equals(name)
                && Arrays.equals(c.confidence, confidence) && Arrays.equals(c.precision, precision)
                && Arrays.equals(c.recall, recall) && Arrays.equals(c.f1, f1);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(categoryId) * 31 + Arrays.hashCode(f1);
    }

    @Override
    public String toString() {
        return "ConfidenceCurve[" + categoryId + " " + name + ", " + confidence.length + " points]";
    }
}
