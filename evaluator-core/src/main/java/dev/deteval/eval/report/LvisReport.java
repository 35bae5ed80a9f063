package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.LvisCategoryMetrics;
import dev.deteval.eval.coco.LvisEvaluator;
import dev.deteval.eval.coco.LvisMetric;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.data.Names;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports of an LVIS evaluation. Text: lvis-api's thirteen {@code print_results()} lines (character for
 * character), the filter counts and a per-category table. JSON shape:
 *
 * <pre>{@code
 * {"tool":"deteval","protocol":"lvis","iouType":"bbox" or "segm","maxDetsPerImage":300,
 *  "stats":{"AP":…,"AP50":…,"AP75":…,"APs":…,"APm":…,"APl":…,"APr":…,"APc":…,"APf":…,"AR":…,"ARs":…,"ARm":…,"ARl":…},
 *  "perCategory":[{"id":…,"name":…,"frequency":"r","AP":…,"AP50":…,"AP75":…,"AR":…},…],
 *  "counts":{"detections":…,"keptByCap":…,"evaluated":…,"groundTruthEvaluated":…},
 *  "warnings":[…]}
 * }</pre>
 *
 * Names are those of {@link LvisMetric}; -1 means "cannot be computed" (no ground truth where the metric
 * looks).
 */
public final class LvisReport {

    private LvisReport() {
    }

    /** lvis-api's {@code print_results()} lines, in its order. */
    public static List<String> summaryLines(LvisResult result) {
        double[] thresholds = result.iouThresholds();
        List<String> lines = new ArrayList<>();
        for (LvisMetric m : LvisMetric.headline()) {
            lines.add(m.printedPrefix(thresholds, LvisEvaluator.MAX_DETS_PER_IMAGE)
                    + Decimals.fixed(result.stat(m.name()), 3));
        }
        return lines;
    }

    /** The text report, lines separated by {@code \n}. */
    static String text(LvisResult result) {
        StringBuilder out = new StringBuilder("deteval LVIS ").append(result.iouType().label())
                .append(" evaluation (lvis-api rules: federated, at most ")
                .append(LvisEvaluator.MAX_DETS_PER_IMAGE).append(" detections per image)\n");
        for (String line : summaryLines(result)) {
            out.append(line).append('\n');
        }
        out.append(counts(result.counts())).append("\n\n");
        List<LvisCategoryMetrics> rows = result.perCategory();
        int width = "category".length();
        for (LvisCategoryMetrics c : rows) {
            width = Math.max(width, label(c).length());
        }
        List<String> heads = LvisMetric.perCategory().stream().map(LvisMetric::name).toList();
        out.append(String.format("%-" + width + "s %4s", "category", "freq"));
        heads.forEach(h -> out.append(String.format(" %6s", h)));
        out.append('\n');
        for (LvisCategoryMetrics c : rows) {
            out.append(String.format("%-" + width + "s %4s", label(c), c.frequency().letter()));
            for (double v : c.values().values()) {
                out.append(String.format(" %6s", v < 0 ? "-" : Decimals.fixed(v, 3)));
            }
            out.append('\n');
        }
        out.append("(\"-\": no ground truth of that category that counts, so no value)\n");
        if (rows.stream().anyMatch(c -> Names.isCut(c.name()))) {
            out.append(Names.CUT_NOTE).append('\n');
        }
        return out.toString();
    }

    private static String counts(LvisResult.Counts c) {
        return c.detections() + " detections: " + c.keptByCap() + " after the per-image cap, " + c.evaluated()
                + " evaluated (category present or verified absent in the image); " + c.groundTruthEvaluated()
                + " ground truths count";
    }

    private static String label(LvisCategoryMetrics c) {
        return c.name().isEmpty() ? String.valueOf(c.id()) : c.id() + " " + Names.cell(c.name());
    }

    /** The Markdown report. */
    static String markdown(LvisResult result) {
        StringBuilder out = new StringBuilder("# deteval LVIS ").append(result.iouType().label())
                .append(" evaluation\n\n");
        out.append("Rules: lvis-api (federated; at most ").append(LvisEvaluator.MAX_DETS_PER_IMAGE)
                .append(" detections per image). ").append(MarkdownReport.escape(counts(result.counts())))
                .append(".\n\n");
        out.append("| stat | value | IoU | area | categories |\n|---|---:|---|---|---|\n");
        for (LvisMetric m : LvisMetric.headline()) {
            out.append("| ").append(m.name()).append(" | ").append(MarkdownReport.cell(result.stat(m.name())))
                    .append(" | ").append(m.allThresholds() ? "0.50:0.95" : Decimals.fixed(m.iouThreshold(), 2))
                    .append(" | ").append(m.area()).append(" | ")
                    .append(m.frequency() == null ? "all" : "frequency " + m.frequency().letter()).append(" |\n");
        }
        out.append("\n## Per category\n\n| id | name | frequency |");
        LvisMetric.perCategory().forEach(m -> out.append(' ').append(m.name()).append(" |"));
        out.append("\n|---:|---|---|");
        LvisMetric.perCategory().forEach(m -> out.append("---:|"));
        out.append('\n');
        for (LvisCategoryMetrics c : result.perCategory()) {
            out.append("| ").append(c.id()).append(" | ").append(MarkdownReport.escape(Names.cell(c.name())))
                    .append(" | ").append(c.frequency().letter());
            for (double v : c.values().values()) {
                out.append(" | ").append(MarkdownReport.cell(v));
            }
            out.append(" |\n");
        }
        MarkdownReport.appendWarnings(result.warnings(), out);
        return out.toString();
    }

    /** Writes the report's members into an object the caller has started. */
    static void writeMembers(LvisResult result, List<String> warnings, JsonGenerator g) throws IOException {
        g.writeStringField("tool", "deteval");
        g.writeStringField("protocol", "lvis");
        g.writeStringField("iouType", result.iouType().label());
        g.writeNumberField("maxDetsPerImage", LvisEvaluator.MAX_DETS_PER_IMAGE);
        g.writeObjectFieldStart("stats");
        for (Map.Entry<String, Double> e : result.stats().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("perCategory");
        for (LvisCategoryMetrics c : result.perCategory()) {
            g.writeStartObject();
            g.writeNumberField("id", c.id());
            g.writeStringField("name", c.name());
            g.writeStringField("frequency", c.frequency().letter());
            for (Map.Entry<String, Double> e : c.values().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        LvisResult.Counts counts = result.counts();
        g.writeObjectFieldStart("counts");
        g.writeNumberField("detections", counts.detections());
        g.writeNumberField("keptByCap", counts.keptByCap());
        g.writeNumberField("evaluated", counts.evaluated());
        g.writeNumberField("groundTruthEvaluated", counts.groundTruthEvaluated());
        g.writeEndObject();
        JsonReport.writeWarnings(warnings, g);
    }
}
