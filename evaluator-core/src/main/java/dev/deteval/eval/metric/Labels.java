package dev.deteval.eval.metric;

import java.util.Objects;

/** Checks on paired label arrays, with messages that name the offending position. */
final class Labels {

    private Labels() {
    }

    static void requireSameLength(boolean[] truth, boolean[] predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        requireSameLength(truth.length, predicted.length);
    }

    static void requireSameLength(int[] truth, int[] predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        requireSameLength(truth.length, predicted.length);
    }

    private static void requireSameLength(int truth, int predicted) {
        if (truth != predicted) {
            throw new IllegalArgumentException("truth and predicted must have the same length, got " + truth
                    + " and " + predicted);
        }
    }

    /** Throws when some {@code labels[i]} is outside {@code [0, classes)}. */
    static void requireInRange(String name, int[] labels, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + labels[i] + " is not a class label in [0, "
                        + classes + ")");
            }
        }
    }

    /** Throws unless {@code classes >= 1}. */
    static void requireClasses(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("number of classes must be at least 1, got " + classes);
        }
    }
}
