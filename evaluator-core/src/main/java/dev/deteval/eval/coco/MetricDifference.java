package dev.deteval.eval.coco;

/**
 * One metric of a paired comparison: its value for the candidate and the baseline, their difference
 * (candidate minus baseline), the paired-bootstrap percentile interval of the difference and the
 * two-sided p-value of "no difference".
 *
 * @param metric the metric name ({@link CocoMetric#name()})
 * @param candidate the candidate's value
 * @param baseline the baseline's value
 * @param difference candidate minus baseline
 * @param low lower end of the difference's interval
 * @param high upper end of the difference's interval
 * @param p the two-sided p-value, in (0, 1]
 * @param resamples the resamples in which both values were defined
 */
public record MetricDifference(String metric, double candidate, double baseline, double difference, double low,
        double high, double p, int resamples) {

    /** Whether the difference is significant at {@code alpha} (p below it). */
    public boolean significant(double alpha) {
        return p < alpha;
    }
}
