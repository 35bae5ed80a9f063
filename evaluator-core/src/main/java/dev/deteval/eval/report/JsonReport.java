package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.ConfidenceIntervals;
import dev.deteval.eval.coco.Interval;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, with every number at full double precision (shortest text that parses back to the
 * same double). COCO shape:
 *
 * <pre>{@code
 * {"tool":"deteval","protocol":"coco","iouType":"bbox","mode":"compat","modeLabel":"…","maxDets":[1,10,100],
 *  "stats":{"AP":…,"AP50":…,"AP75":…,"APs":…,"APm":…,"APl":…,"AR1":…,"AR10":…,"AR100":…,
 *           "ARs":…,"ARm":…,"ARl":…,"AR50":…,"AR75":…},
 *  "perCategory":[{"id":…,"name":…,"AP":…,"AP50":…,"AP75":…,"APs":…,"APm":…,"APl":…,"AR100":…},…],
 *  "warnings":[…]}
 * }</pre>
 *
 * Names are those of {@link dev.deteval.eval.coco.CocoMetric}, derived from the parameters: the ones
 * above are the defaults' ({@code AR300} appears with maxDets 300, and the per-category recall is named
 * for the largest maxDets). A value of -1 means "cannot be computed" (pycocotools' sentinel); a metric
 * that does not apply (keypoints' {@code APs}) is absent. 
 */
public final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** Creates a pretty-printing generator on {@code out}; the caller closes it. */
    static JsonGenerator generator(Writer out) {
        try {
            return FACTORY.createGenerator(out).useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole COCO report as a string. */
    public static String coco(CocoResult result) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            writeCocoMembers(result, g, result.warnings());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Writes the members of the COCO report into an object the caller has started. */
    static void writeCocoMembers(CocoResult result, JsonGenerator g, List<String> warnings) throws IOException {
        writeCocoMembers(result, g, warnings, null);
    }

    /**
     * Writes the members of the COCO report into an object the caller has started; with intervals, each
     * {@code perCategory} row that has one gets the member {@code intervals} ({@link IntervalReport}).
     */
    static void writeCocoMembers(CocoResult result, JsonGenerator g, List<String> warnings,
            ConfidenceIntervals intervals) throws IOException {
        g.writeStringField("tool", "deteval");
        g.writeStringField("protocol", "coco");
        g.writeStringField("iouType", result.params().iouType().label());
        g.writeStringField("mode", result.mode().id());
        g.writeStringField("modeLabel", result.mode().label());
        g.writeArrayFieldStart("maxDets");
        for (int m : result.params().maxDets()) {
            g.writeNumber(m);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("stats");
        for (Map.Entry<String, Double> e : result.summary().values().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("perCategory");
        for (CategoryMetrics m : result.perCategory()) {
            g.writeStartObject();
            if (m.textId().isPresent()) {
                g.writeStringField("id", m.textId().get()); // a string id stays a string
            } else {
                g.writeNumberField("id", m.id());
            }
            g.writeStringField("name", m.name());
            for (Map.Entry<String, Double> e : m.values().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            Map<String, Interval> rowIntervals = intervals == null ? null : intervals.perCategory().get(m.id());
            if (rowIntervals != null) {
                IntervalReport.writeIntervals(rowIntervals, g);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        writeWarnings(warnings, g);
    }

    static void writeWarnings(List<String> warnings, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("warnings");
        for (String w : warnings) {
            g.writeString(w);
        }
        g.writeEndArray();
    }
}
