package dev.deteval.eval.coco;

import java.util.List;

/**
 * A paired comparison of two evaluations on the same ground truth: one {@link MetricDifference} per
 * headline metric ({@link Bootstrap#metrics}) that is defined for both.
 *
 * @param settings how the bootstrap ran (its level is the level of the difference intervals)
 * @param metrics the compared metrics, in {@link Bootstrap#metrics} order
 */
public record Comparison(BootstrapSettings settings, List<MetricDifference> metrics) {

    /** An unmodifiable copy. */
    public Comparison {
        metrics = List.copyOf(metrics);
    }

    /** The comparison of one metric, or null when it was not compared. */
    public MetricDifference of(String metric) {
        return metrics.stream().filter(m -> m.metric().equals(metric)).findFirst().orElse(null);
    }
}
