package dev.deteval.eval.coco;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile intervals and bootstrap p-values from the values of one metric over the resamples.
 * Quantiles interpolate linearly between order statistics (Hyndman and Fan's type 7, numpy's default).
 */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The values of column {@code j} of {@code draws} that are defined (not -1), in resample order.
     */
    static double[] defined(double[][] draws, int j) {
        double[] v = new double[draws.length];
        int n = 0;
        for (double[] d : draws) {
            if (d[j] > -1) {
                v[n++] = d[j];
            }
        }
        return Arrays.copyOf(v, n);
    }

    /** The percentile interval at {@code level} of {@code values}, or null when there are none. */
    static Interval interval(double[] values, double level) {
        if (values.length == 0) {
            return null;
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(values);
        double tail = (1 - level) / 2;
        return new Interval(percentile.evaluate(100 * tail), percentile.evaluate(100 * (1 - tail)), level,
                values.length);
    }

    /**
     * The two-sided bootstrap p-value of "the difference is 0": twice the smaller share of resampled
     * differences on either side of 0 (0 itself counts on both sides), with one added to the count and to
     * the number of resamples so that it is never 0, at most 1. It is the smallest {@code 1 - level} whose
     * percentile interval just reaches 0.
     */
    static double pValue(double[] differences) {
        long below = 0;
        long above = 0;
        for (double d : differences) {
            if (d <= 0) {
                below++;
            }
            if (d >= 0) {
                above++;
            }
        }
        return Math.min(1.0, 2.0 * (1 + Math.min(below, above)) / (differences.length + 1));
    }
}
