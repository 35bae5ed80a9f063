package dev.deteval.eval.coco;

/**
 * Precision, recall and F1 of one category (or of all categories pooled) at one confidence threshold,
 * from raw counts (never from the interpolated precision curve).
 *
 * <p>Zero denominators: precision is 0 when no detection counts ({@code tp + fp == 0}), recall is 0
 * when there is no ground truth that counts ({@code tp + fn == 0}), and F1 is 0 when precision + recall
 * is 0.
 *
 * @param categoryId the category id; -1 for the pooled (micro) point over all categories
 * @param name the category name; empty for the pooled point
 * @param confidence the threshold: a detection counts when its score is at least this
 * @param tp detections that count and match a ground truth
 * @param fp detections that count and match none
 * @param fn ground truths that count and no counted detection matched
 */
public record OperatingPoint(long categoryId, String name, double confidence, int tp, int fp, int fn) {

    /** Checks the counts. */
    public OperatingPoint {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("counts must not be negative: tp " + tp + ", fp " + fp + ", fn " + fn);
        }
    }

    /** {@code tp / (tp + fp)}; 0 when no detection counts. */
    public double precision() {
        return tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
    }

    /** {@code tp / (tp + fn)}; 0 when no ground truth counts. */
    public double recall() {
        return tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
    }

    /** {@code 2 p r / (p + r)}; 0 when {@code p + r == 0}. */
    public double f1() {
        return f1(tp, fp, fn);
    }

    /** {@link #f1()} of the counts, without making a point (for scans over many). */
    static double f1(int tp, int fp, int fn) {
        double p = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
