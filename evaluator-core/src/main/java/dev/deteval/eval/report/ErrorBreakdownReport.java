package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.ErrorBreakdown;
import dev.deteval.eval.coco.ErrorType;
import dev.deteval.eval.data.Names;
import java.io.IOException;
import java.util.Locale;

/**
 * The error-breakdown part of a COCO report, present only when asked for: in text a table of the counts and
 * dAP per type and one of the counts per category; in Markdown the first table; in JSON the member
 *
 * <pre>{@code
 * "errors":{"foreground":0.5,"background":0.1,"iouThresholds":[…],"ap":…,"apAllThresholds":…,
 *           "falsePositives":…,"falseNegatives":…,
 *           "types":[{"type":"Cls","name":"classification","count":…,"dAP":…,"dAPAllThresholds":…},…],
 *           "perCategory":[{"id":…,"name":…,"Cls":…,"Loc":…,"Both":…,"Dupe":…,"Bkg":…,"Miss":…},…]}
 * }</pre>
 * ({@code iouThresholds}, {@code apAllThresholds} and {@code dAPAllThresholds} only when computed).
 */
final class ErrorBreakdownReport {

    private ErrorBreakdownReport() {
    }

    /** The two text tables. */
    static String text(ErrorBreakdown e) {
        StringBuilder out = new StringBuilder();
        out.append("\nErrors (TIDE-style): foreground IoU ").append(Decimals.fixed(e.foreground(), 2))
                .append(", background IoU ").append(Decimals.fixed(e.background(), 2))
                .append(", area all, maxDets 100; ").append(e.falsePositives()).append(" false positives, ")
                .append(e.falseNegatives()).append(" false negatives\n");
        String row = "%-22s" + "%8s".repeat(ErrorType.values().length) + "%n";
        Object[] head = new Object[ErrorType.values().length + 1];
        head[0] = "type";
        for (ErrorType t : ErrorType.values()) {
            head[t.ordinal() + 1] = t.shortName();
        }
        out.append(String.format(Locale.ROOT, row, head));
        out.append(line(row, "count", e, t -> String.valueOf(e.count(t))));
        out.append(line(row, "dAP" + percent(e.foreground()) + " (AP " + Decimals.fixed(e.baseAp(), 3) + ")", e,
                t -> Decimals.fixed(e.deltaAp(t), 3)));
        if (e.hasAllThresholds()) {
            out.append(line(row, "dAP all (AP " + Decimals.fixed(e.baseApAllThresholds(), 3) + ")", e,
                    t -> Decimals.fixed(e.deltaApAllThresholds(t), 3)));
        }
        out.append("\nErrors per category (counts at IoU ").append(Decimals.fixed(e.foreground(), 2)).append(")\n");
        out.append(String.format(Locale.ROOT, row, head));
        long[] ids = e.categoryIds();
        for (int k = 0; k < ids.length; k++) {
            int row0 = k;
            String name = e.categoryNames().get(k);
            String label = ids[k] == -1 ? "(all categories pooled)"
                    : name.isEmpty() ? String.valueOf(ids[k]) : ids[k] + " " + Names.cell(name);
            out.append(line(row, label, e, t -> String.valueOf(e.count(t, row0))));
        }
        return out.toString();
    }

    private static String percent(double iou) {
        return String.valueOf(Math.round(iou * 100));
    }

    private static String line(String row, String label, ErrorBreakdown e,
            java.util.function.Function<ErrorType, String> cell) {
        Object[] cells = new Object[ErrorType.values().length + 1];
        cells[0] = label;
        for (ErrorType t : ErrorType.values()) {
            cells[t.ordinal() + 1] = cell.apply(t);
        }
        return String.format(Locale.ROOT, row, cells);
    }

    /** The Markdown table of counts and dAP per type. */
    static String markdown(ErrorBreakdown e) {
        StringBuilder out = new StringBuilder("\n## Errors (TIDE-style)\n\n");
        out.append("Foreground IoU ").append(Decimals.fixed(e.foreground(), 2)).append(", background IoU ")
                .append(Decimals.fixed(e.background(), 2)).append(", area all, maxDets 100.\n\n");
        out.append("| type | count | dAP").append(percent(e.foreground())).append(" |")
                .append(e.hasAllThresholds() ? " dAP all thresholds |" : "").append('\n');
        out.append("|---|---:|---:|").append(e.hasAllThresholds() ? "---:|" : "").append('\n');
        for (ErrorType t : ErrorType.values()) {
            out.append("| ").append(t.shortName()).append(" | ").append(e.count(t)).append(" | ")
                    .append(Decimals.fixed(e.deltaAp(t), 3)).append(" |");
            if (e.hasAllThresholds()) {
                out.append(' ').append(Decimals.fixed(e.deltaApAllThresholds(t), 3)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes the {@code errors} member into an object the caller has started. */
    static void writeMember(ErrorBreakdown e, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("errors");
        g.writeNumberField("foreground", e.foreground());
        g.writeNumberField("background", e.background());
        if (e.hasAllThresholds()) {
            double[] thr = e.iouThresholds();
            g.writeFieldName("iouThresholds");
            g.writeArray(thr, 0, thr.length);
        }
        g.writeNumberField("ap", e.baseAp());
        if (e.hasAllThresholds()) {
            g.writeNumberField("apAllThresholds", e.baseApAllThresholds());
        }
        g.writeNumberField("falsePositives", e.falsePositives());
        g.writeNumberField("falseNegatives", e.falseNegatives());
        g.writeArrayFieldStart("types");
        for (ErrorType t : ErrorType.values()) {
            g.writeStartObject();
            g.writeStringField("type", t.shortName());
            g.writeStringField("name", t.name().toLowerCase(Locale.ROOT));
            g.writeNumberField("count", e.count(t));
            g.writeNumberField("dAP", e.deltaAp(t));
            if (e.hasAllThresholds()) {
                g.writeNumberField("dAPAllThresholds", e.deltaApAllThresholds(t));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("perCategory");
        long[] ids = e.categoryIds();
        for (int k = 0; k < ids.length; k++) {
            g.writeStartObject();
            g.writeNumberField("id", ids[k]);
            g.writeStringField("name", e.categoryNames().get(k));
            for (ErrorType t : ErrorType.values()) {
                g.writeNumberField(t.shortName(), e.count(t, k));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
