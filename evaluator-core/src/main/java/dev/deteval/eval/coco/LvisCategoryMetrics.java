package dev.deteval.eval.coco;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One category's LVIS numbers, named by {@link LvisMetric#perCategory()} (AP, AP50, AP75, AR; area all);
 * -1 where the category has no ground truth that counts (lvis-api leaves it out of every mean).
 *
 * @param id the category id
 * @param name the category name, empty if unknown
 * @param frequency the category's frequency group
 * @param values the values by metric name, in {@link LvisMetric#perCategory()} order
 */
public record LvisCategoryMetrics(long id, String name, Frequency frequency, Map<String, Double> values) {

    /** Copies the values, keeping their order. */
    public LvisCategoryMetrics {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(frequency, "frequency");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * A value by name.
     *
     * @throws IllegalArgumentException for a name the row does not have
     */
    public double metric(String metricName) {
        Double v = values.get(metricName);
        if (v == null) {
            throw new IllegalArgumentException("unknown LVIS per-category metric '" + metricName + "'; known: "
                    + values.keySet());
        }
        return v;
    }
}
