package dev.deteval.eval.coco;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bootstrap intervals of one evaluation: for the headline metrics ({@link Bootstrap#metrics}) and
 * for each category's AP. A metric that is undefined (-1) in the evaluation has no interval.
 *
 * @param settings how the bootstrap ran
 * @param overall interval per metric name, in {@link Bootstrap#metrics} order
 * @param perCategory per category id, interval per metric name
 */
public record ConfidenceIntervals(BootstrapSettings settings, Map<String, Interval> overall,
        Map<Long, Map<String, Interval>> perCategory) {

    /** Unmodifiable copies that keep the order. */
    public ConfidenceIntervals {
        overall = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overall));
        Map<Long, Map<String, Interval>> copy = new LinkedHashMap<>();
        perCategory.forEach((id, m) -> copy.put(id, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        perCategory = java.util.Collections.unmodifiableMap(copy);
    }

    /** The interval of a headline metric, or null when it has none. */
    public Interval of(String metric) {
        return overall.get(metric);
    }

    /** The interval of a category's metric, or null when it has none. */
    public Interval of(long categoryId, String metric) {
        Map<String, Interval> m = perCategory.get(categoryId);
        return m == null ? null : m.get(metric);
    }
}
