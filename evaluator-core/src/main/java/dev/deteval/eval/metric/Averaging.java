package dev.deteval.eval.metric;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * How a per-class metric of a multi-class {@link ConfusionMatrix} becomes one number. Each class c has
 * its one-vs-rest {@link BinaryCounts} {@code counts(c)}; K is the number of classes of the matrix, and
 * every one of them takes part, including classes that occur neither in the truth nor in the predictions
 * (their ratios are 0 by the zero-denominator rule of {@link BinaryCounts}).
 */
public enum Averaging {

    /** The unweighted mean over the K classes: {@code (1/K) Σ_c metric(counts(c))}. */
    MACRO {
        @Override
        public double average(ConfusionMatrix matrix, ToDoubleFunction<BinaryCounts> metric) {
            double sum = 0;
            for (int c = 0; c < matrix.classes(); c++) {
                sum += metric.applyAsDouble(matrix.counts(c));
            }
            return sum / matrix.classes();
        }
    },

    /**
     * The metric of the pooled counts {@code Σ_c counts(c)} (see {@link ConfusionMatrix#pooledCounts()}).
     * For single-label data micro precision, micro recall and micro F1 all equal the accuracy.
     */
    MICRO {
        @Override
        public double average(ConfusionMatrix matrix, ToDoubleFunction<BinaryCounts> metric) {
            return metric.applyAsDouble(matrix.pooledCounts());
        }
    },

    /**
     * The mean weighted by support (actual samples of each class):
     * {@code Σ_c support(c) metric(counts(c)) / Σ_c support(c)}; 0 when the matrix holds no samples.
     * Weighted recall equals the accuracy.
     */
    WEIGHTED {
        @Override
        public double average(ConfusionMatrix matrix, ToDoubleFunction<BinaryCounts> metric) {
            double sum = 0;
            for (int c = 0; c < matrix.classes(); c++) {
                long support = matrix.support(c);
                if (support > 0) {
                    sum += support * metric.applyAsDouble(matrix.counts(c));
                }
            }
            return BinaryCounts.ratio(sum, matrix.total());
        }
    };

    /**
     * Averages {@code metric} over the classes of {@code matrix}, e.g.
     * {@code Averaging.MACRO.average(m, BinaryCounts::specificity)}.
     */
    public abstract double average(ConfusionMatrix matrix, ToDoubleFunction<BinaryCounts> metric);

    static Averaging require(Averaging averaging) {
        return Objects.requireNonNull(averaging, "averaging");
    }
}
