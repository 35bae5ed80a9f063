package dev.deteval.eval.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The metric values a gate looks at: the protocol, the dataset-level values by name and one row of
 * values per category, in the names of deteval's JSON report. Built from a fresh evaluation
 * ({@link #evaluated}) or read from an earlier run's report.json (package {@code report}). Immutable.
 *
 * <p>A value below 0 (the evaluators' -1) or NaN means the metric cannot be computed; a name that is
 * absent means the same. For a fresh COCO evaluation the snapshot also knows why a dataset value is -1
 * (for example a maxDets list without 100), see {@link #missingReason(String)}.
 */
public final class MetricSnapshot {

    /**
     * The values of one category (VOC: class).
     *
     * @param id the category id, or -1 where the protocol has none (VOC classes, pooled COCO categories)
     * @param name the category name, empty if unknown
     * @param metrics values by metric name, in report order
     */
    public record CategoryValues(long id, String name, Map<String, Double> metrics) {

        /** Copies the values, keeping their order. */
        public CategoryValues {
            Objects.requireNonNull(name, "name");
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        /** The value of {@code metric}, or NaN when the row has none. */
        public double value(String metric) {
            Double v = metrics.get(metric);
            return v == null ? Double.NaN : v;
        }

        /** The name for messages: the name, or {@code id <id>} when it is empty. */
        public String label() {
            return name.isEmpty() ? "id " + id : name;
        }
    }

    /**
     * A confidence interval of one metric (see {@code docs/statistics.md}).
     *
     * @param low the lower end
     * @param high the upper end
     * @param level the confidence level, in (0, 1)
     */
    public record Band(double low, double high, double level) {
    }

    /**
     * A paired comparison of one dataset metric with the baseline's detections on the same images.
     *
     * @param baseline the baseline's value
     * @param low lower end of the interval of (current minus baseline)
     * @param high upper end of that interval
     * @param level the interval's confidence level
     * @param p the two-sided p-value of "no difference"
     */
    public record Difference(double baseline, double low, double high, double level, double p) {
    }

    private final Protocol protocol;
    private final String mode;
    private final String iouType;
    private final Map<String, Double> dataset;
    private final List<CategoryValues> categories;
    private final Map<String, String> missingReasons;
    private final Map<String, String> categoryReasons;
    /** True when {@link #dataset} holds exactly the names the evaluation reports (a fresh COCO evaluation). */
    private final boolean complete;
    private final Map<String, Band> bands;
    private final Map<Long, Map<String, Band>> categoryBands;
    /** Null when no baseline detections were compared. */
    private final Map<String, Difference> differences;

    private MetricSnapshot(Protocol protocol, String mode, String iouType, Map<String, Double> dataset,
            List<CategoryValues> categories, Map<String, String> missingReasons, Map<String, String> categoryReasons,
            boolean complete) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.iouType = Objects.requireNonNull(iouType, "iouType");
        this.dataset = Collections.unmodifiableMap(new LinkedHashMap<>(dataset));
        this.categories = List.copyOf(categories);
        this.missingReasons = Map.copyOf(missingReasons);
        this.categoryReasons = Map.copyOf(categoryReasons);
        this.complete = complete;
        this.bands = Map.of();
        this.categoryBands = Map.of();
        this.differences = null;
    }

    private MetricSnapshot(MetricSnapshot s, Map<String, Band> bands, Map<Long, Map<String, Band>> categoryBands,
            Map<String, Difference> differences) {
        this.protocol = s.protocol;
        this.mode = s.mode;
        this.iouType = s.iouType;
        this.dataset = s.dataset;
        this.categories = s.categories;
        this.missingReasons = s.missingReasons;
        this.categoryReasons = s.categoryReasons;
        this.complete = s.complete;
        this.bands = Map.copyOf(bands);
        Map<Long, Map<String, Band>> copy = new java.util.HashMap<>();
        categoryBands.forEach((id, m) -> copy.put(id, Map.copyOf(m)));
        this.categoryBands = Map.copyOf(copy);
        this.differences = differences == null ? null : Map.copyOf(differences);
    }

    /**
     * A snapshot from explicit values.
     *
     * @param protocol the protocol that produced the values
     * @param mode the COCO mode ({@code compat}, {@code corrected}) or the empty string
     * @param dataset dataset-level values by metric name
     * @param categories one row per category, in report order
     */
    public static MetricSnapshot of(Protocol protocol, String mode, Map<String, Double> dataset,
            List<CategoryValues> categories) {
        return of(protocol, mode, "", dataset, categories);
    }

    /**
     * A snapshot from explicit values of a COCO evaluation of a known kind.
     *
     * @param iouType {@code bbox}, {@code segm}, {@code keypoints}, or the empty string when not known
     */
    public static MetricSnapshot of(Protocol protocol, String mode, String iouType, Map<String, Double> dataset,
            List<CategoryValues> categories) {
        return new MetricSnapshot(protocol, mode, iouType, dataset, categories, Map.of(), Map.of(), false);
    }

    /**
     * A snapshot of a fresh evaluation: {@code dataset} holds exactly the names the evaluation reports,
     * and the reasons say why a value is -1.
     *
     * @param datasetReasons why a dataset value is -1, by metric name
     * @param categoryReasons why a category's value is -1, by metric name (for example {@code the category
     *     has no ground truth in the small area range})
     */
    public static MetricSnapshot evaluated(Protocol protocol, String mode, String iouType, Map<String, Double> dataset,
            List<CategoryValues> categories, Map<String, String> datasetReasons, Map<String, String> categoryReasons) {
        return new MetricSnapshot(protocol, mode, iouType, dataset, categories, datasetReasons, categoryReasons, true);
    }

    /**
     * Whether the evaluation reports dataset metric {@code metric} at all (a value of -1 still counts as
     * reported). True for every name when the snapshot does not know (explicit values, a report read back):
     * only a fresh COCO evaluation tells boxes and masks (AR1, AR10, AR100, APs, ARs) from keypoints (AR).
     */
    public boolean reportsDatasetMetric(String metric) {
        return !complete || dataset.containsKey(metric);
    }

    /**
     * This snapshot with confidence intervals and, when the baseline's detections were compared, the
     * paired differences.
     *
     * @param datasetBands intervals of dataset metrics by name
     * @param categoryBands intervals of category metrics, by category id then metric name
     * @param comparisons paired comparisons by dataset metric name, or null when no baseline detections
     *     were compared
     */
    public MetricSnapshot withStatistics(Map<String, Band> datasetBands, Map<Long, Map<String, Band>> categoryBands,
            Map<String, Difference> comparisons) {
        return new MetricSnapshot(this, datasetBands, categoryBands, comparisons);
    }

    /** The confidence interval of a dataset metric, or null when none was computed. */
    public Band band(String metric) {
        return bands.get(metric);
    }

    /** The confidence interval of a category's metric, or null when none was computed. */
    public Band band(long categoryId, String metric) {
        Map<String, Band> m = categoryBands.get(categoryId);
        return m == null ? null : m.get(metric);
    }

    /** Whether the current detections were compared with the baseline's ({@link #difference}). */
    public boolean compared() {
        return differences != null;
    }

    /** The paired comparison of a dataset metric with the baseline's detections, or null. */
    public Difference difference(String metric) {
        return differences == null ? null : differences.get(metric);
    }

    /** The protocol. */
    public Protocol protocol() {
        return protocol;
    }

    /** What a COCO evaluation compared ({@code bbox}, {@code segm}, {@code keypoints}), or the empty string. */
    public String iouType() {
        return iouType;
    }

    /** The COCO mode ({@code compat}, {@code corrected}), or the empty string. */
    public String mode() {
        return mode;
    }

    /** Dataset-level values by metric name, in report order (unmodifiable). */
    public Map<String, Double> dataset() {
        return dataset;
    }

    /** The dataset-level value of {@code metric}, or NaN when the snapshot has none. */
    public double datasetValue(String metric) {
        Double v = dataset.get(metric);
        return v == null ? Double.NaN : v;
    }

    /** One row per category, in report order. */
    public List<CategoryValues> categories() {
        return categories;
    }

    /**
     * Why a dataset-level metric cannot be computed, when the evaluation knows (for example
     * {@code the maxDets list [1, 10] has no entry 100}); empty otherwise.
     */
    public String missingReason(String metric) {
        return missingReasons.getOrDefault(metric, "");
    }

    /**
     * Why a category's value of {@code metric} cannot be computed: {@code the category has no ground truth}
     * (in the metric's area range, when it has one).
     */
    public String categoryReason(String metric) {
        return categoryReasons.getOrDefault(metric, "the category has no ground truth");
    }

    /**
     * The canonical names of the metrics a category row has (the first row's, or the protocol's when there
     * are no rows).
     */
    public Set<String> categoryMetrics() {
        return categories.isEmpty() ? Set.of() : categories.get(0).metrics().keySet();
    }

    /** Whether a metric value means "cannot be computed": negative (-1) or NaN. */
    public static boolean isMissing(double value) {
        return Double.isNaN(value) || value < 0;
    }
}
