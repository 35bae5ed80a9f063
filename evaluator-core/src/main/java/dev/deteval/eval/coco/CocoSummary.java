package dev.deteval.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The headline COCO numbers, each named by the {@link CocoMetric} that says what it averages. Values
 * are in [0, 1], or -1 when they cannot be computed (no ground truth in the selection, or the threshold,
 * area label or maxDets value the metric needs is not among the parameters).
 *
 * <p>For boxes and masks: pycocotools' twelve {@code stats} plus AR at IoU 0.50 and 0.75; for keypoints
 * pycocotools' ten. {@link #stats()} keeps pycocotools' positions; {@link #values()} gives each name
 * once, in the same order, which is what reports and the gate use. Immutable.
 */
public final class CocoSummary {

    private final List<CocoMetric> metrics;
    private final double[] values;
    private final IouType iouType;

    /**
     * @param metrics the headline metrics in pycocotools' order ({@link CocoMetric#headline(CocoParams)})
     * @param values one value per metric
     * @param iouType the kind of evaluation
     */
    public CocoSummary(List<CocoMetric> metrics, double[] values, IouType iouType) {
        if (metrics.size() != values.length) {
            throw new IllegalArgumentException(metrics.size() + " metrics but " + values.length + " values");
        }
        this.metrics = List.copyOf(metrics);
        this.values = values.clone();
        this.iouType = Objects.requireNonNull(iouType, "iouType");
    }

    /** The kind of evaluation. */
    public IouType iouType() {
        return iouType;
    }

    /** True for the ten keypoint statistics. */
    public boolean keypoints() {
        return iouType == IouType.KEYPOINTS;
    }

    /** Every headline metric in pycocotools' order, a name possibly repeated (see {@link CocoMetric#headline}). */
    public List<CocoMetric> metrics() {
        return metrics;
    }

    /** The metrics of pycocotools' {@code stats}: the first twelve (keypoints: all ten). */
    public List<CocoMetric> statMetrics() {
        return metrics.subList(0, statCount());
    }

    /** The named values, each name once, in report order (unmodifiable). */
    public Map<String, Double> values() {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.putIfAbsent(metrics.get(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(named);
    }

    /** The metrics behind {@link #values()}, each name once. */
    public List<CocoMetric> namedMetrics() {
        return CocoMetric.named(metrics);
    }

    /** pycocotools' {@code stats}: twelve values for boxes and masks, ten for keypoints, in its order. */
    public double[] stats() {
        return Arrays.copyOf(values, statCount());
    }

    /** The names of {@link #stats()}, in order. */
    public List<String> statNames() {
        return statMetrics().stream().map(CocoMetric::name).toList();
    }

    /** The maxDets value behind each of {@link #stats()} (-1 where the parameters have no such entry). */
    public int[] maxDetsUsed() {
        return statMetrics().stream().mapToInt(CocoMetric::maxDets).toArray();
    }

    /**
     * A value by name (one of {@link #values()}).
     *
     * @throws IllegalArgumentException for a name this summary does not have
     */
    public double stat(String name) {
        Double v = values().get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown COCO stat '" + name + "'; this evaluation has "
                    + values().keySet());
        }
        return v;
    }

    /** AP over the IoU thresholds, area all (pycocotools' {@code stats[0]}). */
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

    /** AR at IoU 0.50, area all. */
    public double ar50() {
        return byDefinition(true, 0.5, "all");
    }

    /** AR at IoU 0.75, area all. */
    public double ar75() {
        return byDefinition(true, 0.75, "all");
    }

    private double byDefinition(boolean recall, double iou, String area) {
        for (int i = 0; i < values.length; i++) {
            CocoMetric m = metrics.get(i);
            if (m.recall() == recall && m.iouThreshold() == iou && m.area().equals(area)) {
                return values[i];
            }
        }
        throw new IllegalStateException("no such metric");
    }

    private int statCount() {
        return keypoints() ? metrics.size() : Math.min(12, metrics.size());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CocoSummary o && metrics.equals(o.metrics) && Arrays.equals(values, o.values)
                && iouType == o.iouType;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * metrics.hashCode() + Arrays.hashCode(values)) + iouType.hashCode();
    }

    /** The named values and the maxDets behind each, e.g. {@code CocoSummary[bbox: AP=0.5 (maxDets 100), …]}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        Map<String, Double> named = values();
        for (CocoMetric m : namedMetrics()) {
            parts.add(m.name() + '=' + named.get(m.name()) + " (maxDets " + m.maxDets() + ')');
        }
        return "CocoSummary[" + iouType.label() + ": " + String.join(", ", parts) + ']';
    }
}
