package dev.deteval.eval.coco;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-category COCO numbers, each the mean of the category's table entries greater than -1, named by
 * the {@link CocoMetric}s of {@link CocoMetric#perCategory(CocoParams)} (all at the largest maxDets), or
 * -1 when the category has no ground truth that is not ignored (in that area range). Immutable.
 */
public final class CategoryMetrics {

    private final long id;
    private final String textId;
    private final String name;
    private final List<CocoMetric> metrics;
    private final double[] values;

    /**
     * @param id the category id (-1 for the pooled row when categories are not used)
     * @param name the category name (empty if unknown)
     * @param metrics what each value is
     * @param values one value per metric
     */
    public CategoryMetrics(long id, String name, List<CocoMetric> metrics, double[] values) {
        this(id, null, name, metrics, values);
    }

    /**
     * A row of a category whose ground truth named it by a string.
     *
     * @param id the number the reader gave the category ({@link dev.deteval.eval.data.TextIds})
     * @param textId the category's string id as the ground truth wrote it, or null when ids are numbers
     * @param name the category name (empty if unknown)
     * @param metrics what each value is
     * @param values one value per metric
     */
    public CategoryMetrics(long id, String textId, String name, List<CocoMetric> metrics, double[] values) {
        if (metrics.size() != values.length) {
            throw new IllegalArgumentException(metrics.size() + " metrics but " + values.length + " values");
        }
        this.id = id;
        this.textId = textId;
        this.name = Objects.requireNonNull(name, "name");
        this.metrics = List.copyOf(metrics);
        this.values = values.clone();
    }

    /** The category id (-1 for the pooled row). */
    public long id() {
        return id;
    }

    /** The category's string id as the ground truth wrote it; empty when its ids are numbers. */
    public Optional<String> textId() {
        return Optional.ofNullable(textId);
    }

    /** The id as the ground truth wrote it: the string of a string id, else the number in decimal. */
    public String idText() {
        return textId != null ? textId : Long.toString(id);
    }

    /** The category name, empty if unknown. */
    public String name() {
        return name;
    }

    /** What each value is, in report order. */
    public List<CocoMetric> metrics() {
        return metrics;
    }

    /** The values by metric name, in report order (unmodifiable). */
    public Map<String, Double> values() {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(metrics.get(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(named);
    }

    /**
     * A metric by name (one of {@link #values()}).
     *
     * @throws IllegalArgumentException for a name the row does not have
     */
    public double metric(String metricName) {
        Double v = values().get(metricName);
        if (v == null) {
            throw new IllegalArgumentException("unknown per-category metric '" + metricName + "'; known: "
                    + values().keySet());
        }
        return v;
    }

    /** AP over the IoU thresholds, area all. */
    public double ap() {
        return values[0];
    }

    /** AP at IoU 0.50. */
    public double ap50() {
        return values[1];
    }

    /** AP at IoU 0.75. */
    public double ap75() {
        return values[2];
    }

    /** AP for area small; -1 for keypoints, which have no small area. */
    public double apSmall() {
        return area("small");
    }

    /** AP for area medium. */
    public double apMedium() {
        return area("medium");
    }

    /** AP for area large. */
    public double apLarge() {
        return area("large");
    }

    /** AR over the IoU thresholds at the largest maxDets (the last value). */
    public double ar() {
        return values[values.length - 1];
    }

    private double area(String label) {
        for (int i = 0; i < values.length; i++) {
            if (!metrics.get(i).recall() && metrics.get(i).area().equals(label)) {
                return values[i];
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryMetrics o && id == o.id && Objects.equals(textId, o.textId)
                && name.equals(o.name) && metrics.equals(o.metrics) && Arrays.equals(values, o.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, textId, name, metrics, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "CategoryMetrics[id=" + id + ", name=" + name + ", " + values() + "]";
    }
}
