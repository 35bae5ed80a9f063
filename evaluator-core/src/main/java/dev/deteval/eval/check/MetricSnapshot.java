package dev.deteval.eval.check;

import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.CocoSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metric values a gate looks at: the protocol, the dataset-level values by name and one row of
 * values per category, in the names of deteval's JSON report. Built from a fresh evaluation
 * ({@link #of(CocoResult)}, {@link #voc(Protocol, double, Map)}) or read from an earlier run's
 * report.json ({@link dev.deteval.eval.io.ReportJsonReader}). Immutable.
 *
 * <p>A value below 0 (the evaluators' -1) or NaN means the metric cannot be computed; a name that is
 * absent means the same. For a fresh COCO evaluation the snapshot also knows why a dataset value is -1
 * (for example a maxDets list without 100), see {@link #missingReason(String)}.
 */
public final class MetricSnapshot {

    /** The evaluation protocols and the metric names each reports. */
    public enum Protocol {
        /**
         * COCO boxes, masks and keypoints (pycocotools). Keypoint evaluations report AP, AP50, AP75, APm,
         * APl, AR, AR50, AR75, ARm and ARl; AR (at maxDets 20) exists only for them, and the other names
         * only for boxes and masks: a rule on a name the evaluation does not report is rejected as a
         * configuration error once the evaluation shows its kind ({@link #reportsDatasetMetric}).
         */
        COCO("coco", List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl",
                "AR50", "AR75", "AR"), List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR100")),
        /** Pascal VOC 2007 (11-point interpolated AP). */
        VOC07("voc07", List.of("mAP"), List.of("AP")),
        /** Pascal VOC 2010–2012 (all-point AP). */
        VOC12("voc12", List.of("mAP"), List.of("AP"));

        private final String id;
        private final List<String> datasetMetrics;
        private final List<String> categoryMetrics;

        Protocol(String id, List<String> datasetMetrics, List<String> categoryMetrics) {
            this.id = id;
            this.datasetMetrics = datasetMetrics;
            this.categoryMetrics = categoryMetrics;
        }

        /** The name in reports and on the command line: {@code coco}, {@code voc07}, {@code voc12}. */
        public String id() {
            return id;
        }

        /** The dataset-level metric names, in report order. */
        public List<String> datasetMetrics() {
            return datasetMetrics;
        }

        /** The per-category metric names, in report order. */
        public List<String> categoryMetrics() {
            return categoryMetrics;
        }

        /** The metric names available for {@code element}. */
        public List<String> metrics(Element element) {
            return element == Element.DATASET ? datasetMetrics : categoryMetrics;
        }

        /**
         * Parses {@code coco}, {@code voc07} or {@code voc12}, in any case.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static Protocol parse(String text) {
            String t = text == null ? "" : text.trim();
            for (Protocol p : values()) {
                if (p.id.equalsIgnoreCase(t)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown protocol '" + text + "': expected coco, voc07 or voc12");
        }
    }

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

    private final Protocol protocol;
    private final String mode;
    private final String iouType;
    private final Map<String, Double> dataset;
    private final List<CategoryValues> categories;
    private final Map<String, String> missingReasons;
    /** True when {@link #dataset} holds exactly the names the evaluation reports (a fresh COCO evaluation). */
    private final boolean complete;

    private MetricSnapshot(Protocol protocol, String mode, String iouType, Map<String, Double> dataset,
            List<CategoryValues> categories, Map<String, String> missingReasons, boolean complete) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.iouType = Objects.requireNonNull(iouType, "iouType");
        this.dataset = Collections.unmodifiableMap(new LinkedHashMap<>(dataset));
        this.categories = List.copyOf(categories);
        this.missingReasons = Map.copyOf(missingReasons);
        this.complete = complete;
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
        return new MetricSnapshot(protocol, mode, iouType, dataset, categories, Map.of(), false);
    }

    /**
     * A COCO evaluation's headline statistics (the twelve of pycocotools plus AR50, AR75) and per-category
     * AP, AP50, AP75, APs, APm, APl and AR100.
     */
    public static MetricSnapshot of(CocoResult result) {
        CocoSummary s = result.summary();
        Map<String, Double> dataset = new LinkedHashMap<>();
        for (String name : s.keypoints() ? CocoSummary.KEYPOINT_STAT_NAMES : Protocol.COCO.datasetMetrics()) {
            if (!name.equals("AR") || s.keypoints()) {
                dataset.put(name, s.stat(name));
            }
        }
        List<CategoryValues> rows = new ArrayList<>();
        for (CategoryMetrics m : result.perCategory()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String name : Protocol.COCO.categoryMetrics()) {
                values.put(name, m.metric(name));
            }
            rows.add(new CategoryValues(m.id(), m.name(), values));
        }
        return new MetricSnapshot(Protocol.COCO, result.mode().id(), result.params().iouType().label(), dataset, rows,
                CocoMissingReasons.of(result), true);
    }

    /**
     * A Pascal VOC evaluation: dataset metric {@code mAP}, per class {@code AP}.
     *
     * @param protocol {@link Protocol#VOC07} or {@link Protocol#VOC12}
     * @param map the mean AP
     * @param apByClass each class's AP by class name, in report order
     */
    /**
     * The values of a VOC evaluation under {@code protocol} (voc07: 11-point AP, voc12: all-point AP).
     */
    public static MetricSnapshot of(dev.deteval.eval.voc.VocResult result, Protocol protocol) {
        boolean elevenPoint = protocol == Protocol.VOC07;
        Map<String, Double> ap = new java.util.LinkedHashMap<>();
        for (dev.deteval.eval.voc.VocClassResult c : result.perClass()) {
            ap.put(c.name(), elevenPoint ? c.ap07() : c.ap10());
        }
        return voc(protocol, elevenPoint ? result.map07() : result.map10(), ap);
    }

    /** A VOC snapshot: dataset metric {@code mAP}, per-class {@code AP} (classes in map order). */
    public static MetricSnapshot voc(Protocol protocol, double map, Map<String, Double> apByClass) {
        if (protocol == Protocol.COCO) {
            throw new IllegalArgumentException("voc(...) needs a VOC protocol, got coco");
        }
        List<CategoryValues> rows = new ArrayList<>();
        apByClass.forEach((name, ap) -> rows.add(new CategoryValues(-1, name, Map.of("AP", ap))));
        return of(protocol, "", Map.of("mAP", map), rows);
    }

    /**
     * Whether the evaluation reports dataset metric {@code metric} at all (a value of -1 still counts as
     * reported). True for every name when the snapshot does not know (explicit values, a report read back):
     * only a fresh COCO evaluation tells boxes and masks (AR1, AR10, AR100, APs, ARs) from keypoints (AR).
     */
    public boolean reportsDatasetMetric(String metric) {
        return !complete || dataset.containsKey(metric);
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

    /** Whether a metric value means "cannot be computed": negative (-1) or NaN. */
    public static boolean isMissing(double value) {
        return Double.isNaN(value) || value < 0;
    }
}
