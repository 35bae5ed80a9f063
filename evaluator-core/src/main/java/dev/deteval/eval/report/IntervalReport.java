package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.BootstrapSettings;
import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.ConfidenceIntervals;
import dev.deteval.eval.coco.Interval;
import dev.deteval.eval.data.Names;
import java.io.IOException;
import java.util.Map;

/**
 * Bootstrap confidence intervals in the text, Markdown and JSON reports. JSON shape: the report member
 * {@code "intervals": {"AP": {"low": …, "high": …, "level": 0.95, "resamples": 1000}, …}} for the headline
 * metrics and the same member in each {@code perCategory} row that has an interval (its AP); a metric
 * that is -1 has none. {@code resamples} counts the resamples in which the metric was defined.
 */
final class IntervalReport {

    private IntervalReport() {
    }

    /**
     * The text section: headline intervals (with the custom metrics' values from {@code custom}), then each
     * category's AP interval.
     */
    static String text(CocoResult result, ConfidenceIntervals ci, Map<String, Double> custom) {
        StringBuilder out = new StringBuilder("\n").append(heading(ci)).append('\n');
        for (Map.Entry<String, Interval> e : ci.overall().entrySet()) {
            out.append(String.format(" %-6s %s  [%s, %s]%n", e.getKey(),
                    Decimals.fixed(CustomMetricReport.value(result, custom, e.getKey()), 3), Decimals.fixed(e.getValue().low(), 3),
                    Decimals.fixed(e.getValue().high(), 3)).replace(System.lineSeparator(), "\n"));
        }
        if (!ci.perCategory().isEmpty()) {
            int width = "category".length();
            for (CategoryMetrics row : result.perCategory()) {
                width = Math.max(width, label(row).length());
            }
            out.append(String.format("%-" + width + "s %-6s %6s  %s%n", "category", "metric", "value", "interval")
                    .replace(System.lineSeparator(), "\n"));
            for (CategoryMetrics row : result.perCategory()) {
                Map<String, Interval> m = ci.perCategory().get(row.id());
                if (m == null) {
                    continue;
                }
                for (Map.Entry<String, Interval> e : m.entrySet()) {
                    out.append(String.format("%-" + width + "s %-6s %6s  [%s, %s]%n", label(row), e.getKey(),
                            Decimals.fixed(row.metric(e.getKey()), 3), Decimals.fixed(e.getValue().low(), 3),
                            Decimals.fixed(e.getValue().high(), 3)).replace(System.lineSeparator(), "\n"));
                }
            }
        }
        return out.toString();
    }

    /** The Markdown section: one table of headline intervals, one of per-category intervals. */
    static String markdown(CocoResult result, ConfidenceIntervals ci, Map<String, Double> custom) {
        StringBuilder out = new StringBuilder("\n## Confidence intervals\n\n").append(heading(ci)).append("\n\n");
        String level = ci.settings().percent();
        out.append("| metric | value | ").append(level).append(" low | ").append(level)
                .append(" high |\n|---|---:|---:|---:|\n");
        for (Map.Entry<String, Interval> e : ci.overall().entrySet()) {
            out.append("| ").append(e.getKey()).append(" | ").append(MarkdownReport.cell(CustomMetricReport.value(result, custom, e.getKey())))
                    .append(" | ").append(Decimals.fixed(e.getValue().low(), 4)).append(" | ")
                    .append(Decimals.fixed(e.getValue().high(), 4)).append(" |\n");
        }
        if (!ci.perCategory().isEmpty()) {
            out.append("\n| id | name | metric | value | ").append(level).append(" low | ").append(level)
                    .append(" high |\n|---:|---|---|---:|---:|---:|\n");
            for (CategoryMetrics row : result.perCategory()) {
                Map<String, Interval> m = ci.perCategory().get(row.id());
                if (m == null) {
                    continue;
                }
                for (Map.Entry<String, Interval> e : m.entrySet()) {
                    out.append("| ").append(row.id()).append(" | ").append(MarkdownReport.escape(Names.cell(row.name())))
                            .append(" | ").append(e.getKey()).append(" | ")
                            .append(MarkdownReport.cell(row.metric(e.getKey()))).append(" | ")
                            .append(Decimals.fixed(e.getValue().low(), 4)).append(" | ")
                            .append(Decimals.fixed(e.getValue().high(), 4)).append(" |\n");
                }
            }
        }
        return out.toString();
    }

    private static String label(CategoryMetrics row) {
        return row.name().isEmpty() ? String.valueOf(row.id()) : row.id() + " " + Names.cell(row.name());
    }

    private static String heading(ConfidenceIntervals ci) {
        BootstrapSettings s = ci.settings();
        return "Bootstrap " + s.percent() + " confidence intervals (percentile; " + s.resamples()
                + " resamples of the images, seed " + s.seed() + "):";
    }

    /** Writes the report member {@code intervals} (headline metrics). */
    static void writeMember(ConfidenceIntervals ci, JsonGenerator g) throws IOException {
        writeIntervals(ci.overall(), g);
    }

    /** Writes the member {@code intervals} with one object per metric into an object the caller has started. */
    static void writeIntervals(Map<String, Interval> intervals, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("intervals");
        for (Map.Entry<String, Interval> e : intervals.entrySet()) {
            Interval i = e.getValue();
            g.writeObjectFieldStart(e.getKey());
            g.writeNumberField("low", i.low());
            g.writeNumberField("high", i.high());
            g.writeNumberField("level", i.level());
            g.writeNumberField("resamples", i.resamples());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
