package dev.deteval.eval.report;

import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoMetric;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.CocoSummary;
import dev.deteval.eval.data.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text COCO report: a line naming the mode, pycocotools' twelve summary lines (character for
 * character what {@code COCOeval.summarize()} prints), then a per-category table with names.
 */
public final class CocoTextReport {

    private CocoTextReport() {
    }

    /**
     * The summary lines exactly as pycocotools prints them: twelve for boxes and masks, ten for
     * keypoints ({@code _summarizeKps}).
     */
    public static List<String> summaryLines(CocoResult result) {
        double[] iouThrs = result.params().iouThrs();
        String range = Decimals.fixed(iouThrs[0], 2) + ":" + Decimals.fixed(iouThrs[iouThrs.length - 1], 2);
        CocoSummary s = result.summary();
        double[] stats = s.stats();
        List<CocoMetric> metrics = s.statMetrics();
        List<String> lines = new ArrayList<>(stats.length);
        for (int i = 0; i < stats.length; i++) {
            CocoMetric m = metrics.get(i);
            String iou = m.allThresholds() ? range : Decimals.fixed(m.iouThreshold(), 2);
            lines.add(String.format(" %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d ] = %s",
                    m.recall() ? "Average Recall" : "Average Precision", m.recall() ? "(AR)" : "(AP)", iou, m.area(),
                    m.maxDets(), Decimals.fixed(stats[i], 3)));
        }
        return lines;
    }

    /** The whole report, lines separated by {@code \n}. */
    public static String render(CocoResult result) {
        StringBuilder out = new StringBuilder();
        CocoMode mode = result.mode();
        out.append("deteval COCO ").append(result.params().iouType().label()).append(" evaluation, mode: ")
                .append(mode.id()).append(" (").append(mode.label()).append(")\n");
        for (String line : summaryLines(result)) {
            out.append(line).append('\n');
        }
        String warning = CocoMetric.headlineWarning(result.params());
        if (warning != null) {
            out.append("warning: ").append(warning).append('\n');
        }
        out.append('\n').append(categoryTable(result));
        return out.toString();
    }

    private static String categoryTable(CocoResult result) {
        List<CategoryMetrics> rows = result.perCategory();
        int nameWidth = "category".length();
        for (CategoryMetrics m : rows) {
            nameWidth = Math.max(nameWidth, label(m).length());
        }
        StringBuilder out = new StringBuilder();
        List<String> heads = CocoMetric.perCategory(result.params()).stream().map(CocoMetric::name).toList();
        out.append(String.format("%-" + nameWidth + "s", "category"));
        for (String h : heads) {
            out.append(String.format(" %6s", h));
        }
        out.append('\n');
        for (CategoryMetrics m : rows) {
            out.append(String.format("%-" + nameWidth + "s", label(m)));
            for (double x : m.values().values()) {
                out.append(String.format(" %6s", x < 0 ? "-" : Decimals.fixed(x, 3)));
            }
            out.append('\n');
        }
        out.append("(\"-\": no ground truth in that category and area, so no value)\n");
        if (rows.stream().anyMatch(m -> Names.isCut(m.name()))) {
            out.append(Names.CUT_NOTE).append('\n');
        }
        return out.toString();
    }

    private static String label(CategoryMetrics m) {
        if (m.id() == -1 && m.name().isEmpty()) {
            return "(all categories pooled)";
        }
        String id = m.textId().map(Names::cell).orElse(String.valueOf(m.id()));
        return m.name().isEmpty() ? id : id + " " + Names.cell(m.name());
    }
}
