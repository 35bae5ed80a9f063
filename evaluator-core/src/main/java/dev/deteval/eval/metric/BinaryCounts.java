package dev.deteval.eval.metric;

import java.util.Objects;

/**
 * The four outcome counts of a binary decision: true positives, false positives, false negatives and
 * true negatives. For a multi-class {@link ConfusionMatrix} these are the one-vs-rest counts of one class.
 *
 * <p>Every ratio is a quotient of counts. <b>Zero denominators:</b> a ratio whose denominator is 0 is
 * {@code 0.0}, never NaN and never an exception. So with no predicted positives the precision is 0, with no
 * actual positives the recall is 0, with no actual negatives the specificity is 0, and with no samples
 * the accuracy is 0. Callers that need to tell "0 because undefined" from "0 measured" check the
 * denominators ({@link #predictedPositives()}, {@link #positives()}, {@link #negatives()},
 * {@link #total()}).
 *
 * @param tp true positives: actual positive, predicted positive
 * @param fp false positives: actual negative, predicted positive
 * @param fn false negatives: actual positive, predicted negative
 * @param tn true negatives: actual negative, predicted negative
 */
public record BinaryCounts(long tp, long fp, long fn, long tn) {

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException when a count is negative or the four do not sum to a {@code long}
     */
    public BinaryCounts {
        requireNotNegative("tp", tp);
        requireNotNegative("fp", fp);
        requireNotNegative("fn", fn);
        requireNotNegative("tn", tn);
        try {
            Math.addExact(Math.addExact(tp, fp), Math.addExact(fn, tn));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("counts must sum to at most " + Long.MAX_VALUE, e);
        }
    }

    /**
     * Counts the outcomes of paired binary labels, {@code true} meaning positive.
     *
     * @param truth the actual labels
     * @param predicted the predicted labels, same length
     * @throws IllegalArgumentException when the lengths differ
     */
    public static BinaryCounts of(boolean[] truth, boolean[] predicted) {
        Labels.requireSameLength(truth, predicted);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i]) {
                if (predicted[i]) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted[i]) {
                fp++;
            } else {
                tn++;
            }
        }
        return new BinaryCounts(tp, fp, fn, tn);
    }

    /** The element-wise sum of these counts and {@code other}'s. */
    public BinaryCounts plus(BinaryCounts other) {
        Objects.requireNonNull(other, "other");
        return new BinaryCounts(Math.addExact(tp, other.tp), Math.addExact(fp, other.fp),
                Math.addExact(fn, other.fn), Math.addExact(tn, other.tn));
    }

    /** Number of samples: {@code tp + fp + fn + tn}. */
    public long total() {
        return tp + fp + fn + tn;
    }

    /** Actual positives, the support of the positive class: {@code tp + fn}. */
    public long positives() {
        return tp + fn;
    }

    /** Actual negatives: {@code fp + tn}. */
    public long negatives() {
        return fp + tn;
    }

    /** Predicted positives: {@code tp + fp}. */
    public long predictedPositives() {
        return tp + fp;
    }

    /** Accuracy {@code (tp + tn) / total}; 0 when there are no samples. */
    public double accuracy() {
        return ratio(tp + tn, total());
    }

    /** Precision (positive predictive value) {@code tp / (tp + fp)}; 0 when nothing is predicted positive. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** Recall (sensitivity, true positive rate) {@code tp / (tp + fn)}; 0 when there are no actual positives. */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** Sensitivity, another name for {@link #recall()}. */
    public double sensitivity() {
        return recall();
    }

    /** Specificity (true negative rate) {@code tn / (tn + fp)}; 0 when there are no actual negatives. */
    public double specificity() {
        return ratio(tn, tn + fp);
    }

    /**
     * F1 score, the harmonic mean of precision and recall, computed from the counts as
     * {@code 2 tp / (2 tp + fp + fn)}; 0 when {@code tp + fp + fn = 0}. It is 0 whenever precision + recall
     * is 0, and equals {@code 2 P R / (P + R)} otherwise.
     */
    public double f1() {
        return ratio(2 * (double) tp, 2 * (double) tp + fp + fn);
    }

    /**
     * F-beta score, the weighted harmonic mean in which recall counts {@code beta} times as much as
     * precision: {@code (1 + β²) P R / (β² P + R)}. Computed from the counts as
     * {@code (1 + β²) tp / ((1 + β²) tp + β² fn + fp)}, which is the same value when precision + recall
     * &gt; 0 and is 0 when precision + recall = 0 (including {@code tp + fp + fn = 0}). {@code beta = 1}
     * gives {@link #f1()}, {@code beta = 0} gives {@link #precision()}.
     *
     * @param beta weight of recall, finite and not negative
     * @throws IllegalArgumentException when {@code beta} is negative, NaN or infinite
     */
    public double fBeta(double beta) {
        requireBeta(beta);
        double b2 = beta * beta;
        double weightedTp = (1 + b2) * tp;
        return ratio(weightedTp, weightedTp + b2 * fn + fp);
    }

    static void requireBeta(double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and not negative, got " + beta);
        }
    }

    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
