package dev.deteval.eval.report;

import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoMetric;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.CocoSummary;
import dev.deteval.eval.data.Names;
import java.util.List;
import java.util.Map;

/** A Markdown report: the mode, a table of the headline stats and a per-category table. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The COCO report as Markdown. */
    public static String coco(CocoResult result) {
        StringBuilder out = new StringBuilder();
        out.append("# deteval COCO ").append(result.params().iouType().label()).append(" evaluation\n\n");
        out.append("Mode: **").append(result.mode().id()).append("** (").append(result.mode().label())
                .append(")\n\n");
        CocoSummary s = result.summary();
        Map<String, Double> values = s.values();
        out.append("| stat | value | IoU | area | maxDets |\n|---|---:|---|---|---:|\n");
        double[] iouThrs = result.params().iouThrs();
        for (CocoMetric m : s.namedMetrics()) {
            out.append("| ").append(m.name()).append(" | ").append(cell(values.get(m.name()))).append(" | ")
                    .append(m.allThresholds() ? Decimals.fixed(iouThrs[0], 2) + ":"
                            + Decimals.fixed(iouThrs[iouThrs.length - 1], 2) : Decimals.fixed(m.iouThreshold(), 2))
                    .append(" | ").append(m.area()).append(" | ").append(m.maxDets()).append(" |\n");
        }
        out.append('\n');
        out.append("## Per category\n\n");
        List<CocoMetric> columns = CocoMetric.perCategory(result.params());
        out.append("| id | name |");
        columns.forEach(c -> out.append(' ').append(c.name()).append(" |"));
        out.append("\n|---:|---|");
        columns.forEach(c -> out.append("---:|"));
        out.append('\n');
        for (CategoryMetrics m : result.perCategory()) {
            out.append("| ").append(m.textId().map(t -> escape(Names.cell(t))).orElse(String.valueOf(m.id())))
                    .append(" | ").append(escape(Names.cell(m.name())));
            for (double v : m.values().values()) {
                out.append(" | ").append(cell(v));
            }
            out.append(" |\n");
        }
        out.append("\n\"–\": cannot be computed (no ground truth in that category and area range).\n");
        if (result.perCategory().stream().anyMatch(m -> Names.isCut(m.name()))) {
            out.append('\n').append(Names.CUT_NOTE).append('\n');
        }
        appendWarnings(result.warnings(), out);
        return out.toString();
    }

    static void appendWarnings(List<String> warnings, StringBuilder out) {
        if (warnings.isEmpty()) {
            return;
        }
        out.append("\n## Warnings\n\n");
        for (String w : warnings) {
            out.append("- ").append(escape(w)).append('\n');
        }
    }

    static String cell(double v) {
        return v < 0 ? "–" : Decimals.fixed(v, 4);
    }

    /** Text from the input made safe for Markdown ({@link Names#markdown}). */
    static String escape(String s) {
        return Names.markdown(s);
    }
}
