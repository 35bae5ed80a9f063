package dev.deteval.eval.report;

import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.CocoSummary;
import dev.deteval.eval.data.Names;
import java.util.List;

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
        double[] stats = s.stats();
        int[] maxDets = s.maxDetsUsed();
        out.append("| stat | value | maxDets |\n|---|---:|---:|\n");
        for (int i = 0; i < stats.length; i++) {
            out.append("| ").append(s.statNames().get(i)).append(" | ").append(cell(stats[i])).append(" | ")
                    .append(maxDets[i]).append(" |\n");
        }
        if (!s.keypoints()) {
            out.append("| AR50 | ").append(cell(s.ar50())).append(" | ").append(maxDets[8]).append(" |\n");
            out.append("| AR75 | ").append(cell(s.ar75())).append(" | ").append(maxDets[8]).append(" |\n");
        }
        out.append('\n');
        out.append("## Per category\n\n");
        out.append("| id | name | AP | AP50 | AP75 | APs | APm | APl | AR")
                .append(CocoTextReport.largestMaxDets(result)).append(" |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CategoryMetrics m : result.perCategory()) {
            out.append("| ").append(m.id()).append(" | ").append(escape(Names.cell(m.name())));
            for (double v : new double[] {m.ap(), m.ap50(), m.ap75(), m.apSmall(), m.apMedium(), m.apLarge(),
                m.ar()}) {
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
