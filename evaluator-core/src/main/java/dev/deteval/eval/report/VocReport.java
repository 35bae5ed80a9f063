package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.voc.VocClassResult;
import dev.deteval.eval.voc.VocResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reports of a Pascal VOC evaluation for one protocol: {@code voc07} (11-point AP, VOC2007) or
 * {@code voc12} (all-point AP, VOC2010 and later). JSON shape:
 * {@code {"tool":"deteval","protocol":"voc07","boxConvention":…,"matchRule":…,"mAP":…,
 * "perClass":[{"name":…,"AP":…,"npos":…,"ndet":…,"tp":…,"fp":…},…],"warnings":[…]}}; -1 means a
 * class without positives (left out of the mAP).
 */
public final class VocReport {

    private VocReport() {
    }

    /** The mAP of the protocol ({@code voc07} or {@code voc12}). */
    public static double map(VocResult result, boolean elevenPoint) {
        return elevenPoint ? result.map07() : result.map10();
    }

    /** The AP of one class under the protocol. */
    public static double ap(VocClassResult c, boolean elevenPoint) {
        return elevenPoint ? c.ap07() : c.ap10();
    }

    /** Plain text: the protocol, conventions, mAP and a per-class table. */
    public static String text(VocResult result, boolean elevenPoint, List<String> warnings) {
        StringBuilder out = new StringBuilder();
        out.append("deteval Pascal VOC evaluation, protocol: ").append(protocol(elevenPoint)).append(" (")
                .append(elevenPoint ? "11-point AP, VOC2007" : "all-point AP, VOC2010+").append(")\n");
        out.append("boxes: ").append(result.params().boxConvention()).append(", match: ")
                .append(result.params().matchRule()).append(" ").append(result.params().overlapThreshold())
                .append('\n');
        out.append("mAP = ").append(Decimals.fixed(map(result, elevenPoint), 4)).append("\n\n");
        int width = "class".length();
        for (VocClassResult c : result.perClass()) {
            width = Math.max(width, Names.cell(c.name()).length());
        }
        out.append(String.format("%-" + width + "s %8s %6s %6s %6s %6s%n", "class", "AP", "npos", "ndet", "tp", "fp"));
        for (VocClassResult c : result.perClass()) {
            double ap = ap(c, elevenPoint);
            out.append(String.format("%-" + width + "s %8s %6d %6d %6d %6d%n", Names.cell(c.name()),
                    ap < 0 ? "-" : Decimals.fixed(ap, 4), c.npos(), c.ndet(), c.tp(), c.fp()));
        }
        return out.toString();
    }

    /** Writes the report's members into an object the caller has started. */
    static void writeMembers(VocResult result, boolean elevenPoint, List<String> warnings, JsonGenerator g)
            throws IOException {
        g.writeStringField("tool", "deteval");
        g.writeStringField("protocol", protocol(elevenPoint));
        g.writeStringField("boxConvention", result.params().boxConvention().name());
        g.writeStringField("matchRule", result.params().matchRule().name());
        g.writeNumberField("overlapThreshold", result.params().overlapThreshold());
        g.writeNumberField("mAP", map(result, elevenPoint));
        g.writeArrayFieldStart("perClass");
        for (VocClassResult c : result.perClass()) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeNumberField("AP", ap(c, elevenPoint));
            g.writeNumberField("npos", c.npos());
            g.writeNumberField("ndet", c.ndet());
            g.writeNumberField("tp", c.tp());
            g.writeNumberField("fp", c.fp());
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonReport.writeWarnings(warnings, g);
    }

    /** The JSON report as a string. */
    public static String json(VocResult result, boolean elevenPoint, List<String> warnings) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonReport.generator(out)) {
            g.writeStartObject();
            writeMembers(result, elevenPoint, warnings, g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Markdown: protocol, mAP and a per-class table. */
    public static String markdown(VocResult result, boolean elevenPoint, List<String> warnings) {
        StringBuilder out = new StringBuilder("# deteval Pascal VOC evaluation\n\n");
        out.append("Protocol: **").append(protocol(elevenPoint)).append("**, boxes ")
                .append(result.params().boxConvention()).append(", match ").append(result.params().matchRule())
                .append("\n\nmAP: **").append(MarkdownReport.cell(map(result, elevenPoint))).append("**\n\n");
        out.append("| class | AP | npos | ndet | tp | fp |\n|---|---:|---:|---:|---:|---:|\n");
        for (VocClassResult c : result.perClass()) {
            out.append("| ").append(MarkdownReport.escape(Names.cell(c.name()))).append(" | ")
                    .append(MarkdownReport.cell(ap(c, elevenPoint))).append(" | ").append(c.npos()).append(" | ")
                    .append(c.ndet()).append(" | ").append(c.tp()).append(" | ").append(c.fp()).append(" |\n");
        }
        MarkdownReport.appendWarnings(warnings, out);
        return out.toString();
    }

    private static String protocol(boolean elevenPoint) {
        return elevenPoint ? "voc07" : "voc12";
    }
}
