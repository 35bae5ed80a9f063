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
            // " %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d ] = %s", padded by hand (a short run's Formatter
            // is interpreted code)
            StringBuilder line = new StringBuilder(80).append(' ');
            pad(line, m.recall() ? "Average Recall" : "Average Precision", -18).append(' ')
                    .append(m.recall() ? "(AR)" : "(AP)").append(" @[ IoU=");
            pad(line, iou, -9).append(" | area=");
            pad(line, m.area(), 6).append(" | maxDets=");
            pad(line, Integer.toString(m.maxDets()), 3).append(" ] = ").append(Decimals.fixed(stats[i], 3));
            lines.add(line.toString());
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
        pad(out, "category", -nameWidth);
        for (String h : heads) {
            pad(out.append(' '), h, 6);
        }
        out.append('\n');
        for (CategoryMetrics m : rows) {
            pad(out, label(m), -nameWidth);
            for (double x : m.values().values()) {
                pad(out.append(' '), x < 0 ? "-" : Decimals.fixed(x, 3), 6);
            }
            out.append('\n');
        }
        out.append("(\"-\": no ground truth in that category and area, so no value)\n");
        if (rows.stream().anyMatch(m -> Names.isCut(m.name()))) {
            out.append(Names.CUT_NOTE).append('\n');
        }
        return out.toString();
    }

    /**
     * Appends {@code text} padded with spaces to {@code width} characters as {@code String.format}'s {@code %Ns}
     * does, or to {@code -width} characters on the right ({@code %-Ns}); longer text is appended whole.
     */
    private static StringBuilder pad(StringBuilder out, String text, int width) {
        int spaces = Math.abs(width) - text.length();
        if (width > 0) {
            out.append(" ".repeat(Math.max(0, spaces)));
        }
        out.append(text);
        if (width < 0) {
            out.append(" ".repeat(Math.max(0, spaces)));
        }
        return out;
    }

    private static String label(CategoryMetrics m) {
        if (m.id() == -1 && m.name().isEmpty()) {
            return "(all categories pooled)";
        }
        String id = m.textId().map(Names::cell).orElse(String.valueOf(m.id()));
        return m.name().isEmpty() ? id : id + " " + Names.cell(m.name());
    }
}
