package dev.deteval.eval.report;

import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.MetricSnapshot.CategoryValues;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoMetric;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.LvisCategoryMetrics;
import dev.deteval.eval.coco.LvisMetric;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.coco.Comparison;
import dev.deteval.eval.coco.ConfidenceIntervals;
import dev.deteval.eval.coco.Interval;
import dev.deteval.eval.coco.MetricDifference;
import dev.deteval.eval.voc.VocClassResult;
import dev.deteval.eval.voc.VocResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a gate checks, named as the JSON report names them: a fresh evaluation turned into a
 * {@link MetricSnapshot} (the reverse of {@link ReportJsonReader}, which reads them back from a report).
 */
public final class MetricSnapshots {

    private MetricSnapshots() {
    }

    /**
     * A COCO evaluation: its headline metrics ({@link CocoMetric#headline}, each name once) and its
     * per-category metrics, with the reason for every value of -1 taken from what the metric needs.
     */
    public static MetricSnapshot of(CocoResult result) {
        return of(result, Map.of());
    }

    /**
     * A COCO evaluation with the values of custom metrics, which join the dataset metrics under their names
     * (a custom -1 is explained as such).
     */
    public static MetricSnapshot of(CocoResult result, Map<String, Double> custom) {
        Map<String, Double> dataset = new LinkedHashMap<>(result.summary().values());
        dataset.putAll(custom);
        Map<String, String> reasons = new HashMap<>();
        for (CocoMetric m : result.summary().namedMetrics()) {
            if (MetricSnapshot.isMissing(dataset.get(m.name()))) {
                reasons.put(m.name(), m.missingReason(result.params()));
            }
        }
        custom.forEach((name, v) -> {
            if (MetricSnapshot.isMissing(v)) {
                reasons.put(name, "the custom metric has no ground truth that counts to average over");
            }
        });
        Map<String, String> categoryReasons = new HashMap<>();
        for (CocoMetric m : CocoMetric.perCategory(result.params())) {
            categoryReasons.put(m.name(), m.area().equals("all") ? "the category has no ground truth"
                    : "the category has no ground truth in the " + m.area() + " area range");
        }
        List<CategoryValues> rows = new ArrayList<>();
        for (CategoryMetrics m : result.perCategory()) {
            rows.add(new CategoryValues(m.id(), m.name(), m.values()));
        }
        return MetricSnapshot.evaluated(Protocol.COCO, result.mode().id(), result.params().iouType().label(), dataset,
                rows, reasons, categoryReasons);
    }

    /**
     * An LVIS evaluation: its thirteen stats ({@link LvisMetric}) and per-category AP, AP50, AP75 and AR, with
     * the reason for every value of -1.
     */
    public static MetricSnapshot of(LvisResult result) {
        Map<String, String> reasons = new HashMap<>();
        for (LvisMetric m : LvisMetric.headline()) {
            if (MetricSnapshot.isMissing(result.stat(m.name()))) {
                reasons.put(m.name(), m.missingReason());
            }
        }
        List<CategoryValues> rows = new ArrayList<>();
        for (LvisCategoryMetrics c : result.perCategory()) {
            rows.add(new CategoryValues(c.id(), c.name(), c.values()));
        }
        return MetricSnapshot.evaluated(Protocol.LVIS, "", result.iouType().label(), result.stats(), rows, reasons,
                Map.of());
    }

    /**
     * {@code snapshot} with the intervals (as {@link MetricSnapshot.Band}s) and the paired comparison (as
     * {@link MetricSnapshot.Difference}s) of a COCO evaluation; either may be null.
     */
    public static MetricSnapshot withStatistics(MetricSnapshot snapshot, ConfidenceIntervals intervals,
            Comparison comparison) {
        Map<String, MetricSnapshot.Band> bands = new HashMap<>();
        Map<Long, Map<String, MetricSnapshot.Band>> categoryBands = new HashMap<>();
        if (intervals != null) {
            intervals.overall().forEach((name, i) -> bands.put(name, band(i)));
            intervals.perCategory().forEach((id, m) -> {
                Map<String, MetricSnapshot.Band> row = new HashMap<>();
                m.forEach((name, i) -> row.put(name, band(i)));
                categoryBands.put(id, row);
            });
        }
        Map<String, MetricSnapshot.Difference> differences = null;
        if (comparison != null) {
            differences = new HashMap<>();
            for (MetricDifference d : comparison.metrics()) {
                differences.put(d.metric(), new MetricSnapshot.Difference(d.baseline(), d.low(), d.high(),
                        comparison.settings().level(), d.p()));
            }
        }
        return snapshot.withStatistics(bands, categoryBands, differences);
    }

    private static MetricSnapshot.Band band(Interval i) {
        return new MetricSnapshot.Band(i.low(), i.high(), i.level());
    }

    /** A VOC evaluation under {@code protocol} (voc07: 11-point AP, voc12: all-point AP): mAP, per class AP. */
    public static MetricSnapshot of(VocResult result, Protocol protocol) {
        if (!protocol.voc()) {
            throw new IllegalArgumentException("a VOC result needs protocol voc07 or voc12, got " + protocol.id());
        }
        boolean eleven = protocol == Protocol.VOC07;
        List<CategoryValues> rows = new ArrayList<>();
        for (VocClassResult c : result.perClass()) {
            rows.add(new CategoryValues(-1, c.name(), Map.of("AP", eleven ? c.ap07() : c.ap10())));
        }
        Map<String, Double> dataset = new LinkedHashMap<>();
        dataset.put("mAP", eleven ? result.map07() : result.map10());
        return MetricSnapshot.evaluated(protocol, "", "", dataset, rows, Map.of(), Map.of());
    }
}
