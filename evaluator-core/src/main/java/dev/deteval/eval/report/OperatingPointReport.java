package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.OperatingPoint;
import dev.deteval.eval.coco.OperatingPointTable;
import dev.deteval.eval.data.Names;
import java.io.IOException;

/**
 * The operating-point part of a COCO report, present only when one was asked for: in text a table of the
 * points at the requested confidence and one of the best-F1 points; in JSON the members
 *
 * <pre>{@code
 * "operatingPoint":{"confidence":…,"iou":…,"precision":…,"recall":…,"f1":…,"tp":…,"fp":…,"fn":…,
 *                   "perCategory":[{"id":…,"name":…,"precision":…,"recall":…,"f1":…,"tp":…,"fp":…,"fn":…},…]},
 * "bestF1":{"confidence":…,"precision":…,"recall":…,"f1":…,
 *           "perCategory":[{"id":…,"name":…,"confidence":…,"precision":…,"recall":…,"f1":…},…]}
 * }</pre>
 */
final class OperatingPointReport {

    private OperatingPointReport() {
    }

    /** The two text tables. */
    static String text(OperatingPointTable at, OperatingPointTable best, CategoryIds ids) {
        StringBuilder out = new StringBuilder();
        out.append("\nOperating point: confidence >= ").append(Decimals.fixed(at.overall().confidence(), 3))
                .append(", IoU ").append(Decimals.fixed(at.iou(), 2)).append(", area all, maxDets 100\n");
        table(out, at, ids);
        out.append("\nBest F1 (IoU ").append(Decimals.fixed(best.iou(), 2)).append("): the confidence that maximises F1\n");
        table(out, best, ids);
        return out.toString();
    }

    private static void table(StringBuilder out, OperatingPointTable t, CategoryIds ids) {
        int width = "(all, micro)".length();
        for (OperatingPoint p : t.perCategory()) {
            width = Math.max(width, label(p, ids).length());
        }
        String row = "%-" + width + "s %10s %9s %6s %6s %6s %6s %6s%n";
        out.append(String.format(row, "category", "confidence", "precision", "recall", "F1", "TP", "FP", "FN"));
        out.append(line(row, "(all, micro)", t.overall()));
        for (OperatingPoint p : t.perCategory()) {
            out.append(line(row, label(p, ids), p));
        }
    }

    private static String line(String row, String label, OperatingPoint p) {
        return String.format(row, label, Decimals.fixed(p.confidence(), 3), Decimals.fixed(p.precision(), 3),
                Decimals.fixed(p.recall(), 3), Decimals.fixed(p.f1(), 3), p.tp(), p.fp(), p.fn());
    }

    private static String label(OperatingPoint p, CategoryIds ids) {
        if (p.categoryId() == -1 && p.name().isEmpty()) {
            return "(all categories pooled)";
        }
        String id = ids.cell(p.categoryId());
        return p.name().isEmpty() ? id : id + " " + Names.cell(p.name());
    }

    /** Writes the {@code operatingPoint} and {@code bestF1} members into an object the caller has started. */
    static void writeMembers(OperatingPointTable at, OperatingPointTable best, CategoryIds ids, JsonGenerator g)
            throws IOException {
        g.writeObjectFieldStart("operatingPoint");
        g.writeNumberField("confidence", at.overall().confidence());
        g.writeNumberField("iou", at.iou());
        counts(at.overall(), g);
        g.writeArrayFieldStart("perCategory");
        for (OperatingPoint p : at.perCategory()) {
            g.writeStartObject();
            g.writeFieldName("id");
            ids.write(g, p.categoryId());
            g.writeStringField("name", p.name());
            counts(p, g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("bestF1");
        g.writeNumberField("confidence", best.overall().confidence());
        rates(best.overall(), g);
        g.writeArrayFieldStart("perCategory");
        for (OperatingPoint p : best.perCategory()) {
            g.writeStartObject();
            g.writeFieldName("id");
            ids.write(g, p.categoryId());
            g.writeStringField("name", p.name());
            g.writeNumberField("confidence", p.confidence());
            rates(p, g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void rates(OperatingPoint p, JsonGenerator g) throws IOException {
        g.writeNumberField("precision", p.precision());
        g.writeNumberField("recall", p.recall());
        g.writeNumberField("f1", p.f1());
    }

    private static void counts(OperatingPoint p, JsonGenerator g) throws IOException {
        rates(p, g);
        g.writeNumberField("tp", p.tp());
        g.writeNumberField("fp", p.fp());
        g.writeNumberField("fn", p.fn());
    }
}
