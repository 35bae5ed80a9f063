package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/**
 * The values of custom metrics ({@link dev.deteval.eval.coco.CustomMetric}) in the text, Markdown and JSON
 * reports. JSON shape: the report member {@code "custom": {"APtime": 0.41, "APsizeW": 0.37}}, names in the
 * order they were asked for; -1 means the metric cannot be computed. Their intervals, when asked for, are in
 * the member {@code intervals} beside the COCO metrics'.
 */
final class CustomMetricReport {

    private CustomMetricReport() {
    }

    /** The text section. */
    static String text(Map<String, Double> values) {
        StringBuilder out = new StringBuilder("\nCustom metrics:\n");
        values.forEach((name, v) -> out.append(' ').append(name).append(" = ").append(Decimals.fixed(v, 4))
                .append('\n'));
        return out.toString();
    }

    /** The Markdown section. */
    static String markdown(Map<String, Double> values) {
        StringBuilder out = new StringBuilder("\n## Custom metrics\n\n| metric | value |\n|---|---:|\n");
        values.forEach((name, v) -> out.append("| ").append(MarkdownReport.escape(name)).append(" | ")
                .append(MarkdownReport.cell(v)).append(" |\n"));
        return out.toString();
    }

    /** Writes the report member {@code custom}. */
    static void writeMember(Map<String, Double> values, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("custom");
        for (Map.Entry<String, Double> e : values.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** The value of {@code name}: a custom metric's, else the COCO stat's. */
    static double value(dev.deteval.eval.coco.CocoResult result, Map<String, Double> custom, String name) {
        Double v = custom.get(name);
        return v != null ? v : result.summary().stat(name);
    }
}
