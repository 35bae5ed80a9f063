package dev.deteval.eval.coco;

import java.math.BigDecimal;

/**
 * A bootstrap percentile interval of one metric.
 *
 * @param low the lower end, the (1 - level) / 2 quantile of the resampled values
 * @param high the upper end, the (1 + level) / 2 quantile
 * @param level the confidence level, in (0, 1)
 * @param resamples the number of resamples the metric was defined in (a resample that drew no image
 *     with ground truth of a category leaves that category's AP undefined)
 */
public record Interval(double low, double high, double level, int resamples) {

    /** The level as a percentage: {@code 95%}, {@code 99.9%}. */
    public String percent() {
        return percent(level);
    }

    static String percent(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
