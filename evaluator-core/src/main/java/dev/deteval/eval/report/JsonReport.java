package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.CocoSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON report, with every number at full double precision (shortest text that parses back to the
 * same double). COCO shape:
 *
 * <pre>{@code
 * {"tool":"deteval","protocol":"coco","iouType":"bbox","mode":"compat","modeLabel":"…",
 *  "stats":{"AP":…,"AP50":…,"AP75":…,"APs":…,"APm":…,"APl":…,"AR1":…,"AR10":…,"AR100":…,
 *           "ARs":…,"ARm":…,"ARl":…,"AR50":…,"AR75":…},
 *  "perCategory":[{"id":…,"name":…,"AP":…,"AP50":…,"AP75":…,"APs":…,"APm":…,"APl":…,"AR100":…},…],
 *  "warnings":[…]}
 * }</pre>
 *
 * A value of -1 means "cannot be computed" (pycocotools' sentinel). {@code AR100} is the recall at the
 * largest maxDets. Callers that add members (such as a gate's outcomes) write the object themselves
 * and call {@link #writeCocoMembers}.
 */
public final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** Creates a pretty-printing generator on {@code out}; the caller closes it. */
    public static JsonGenerator generator(Writer out) {
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
            writeCocoMembers(result, g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Writes the members of the COCO report into an object the caller has started. */
    public static void writeCocoMembers(CocoResult result, JsonGenerator g) throws IOException {
        g.writeStringField("tool", "deteval");
        g.writeStringField("protocol", "coco");
        g.writeStringField("iouType", result.params().iouType().label());
        g.writeStringField("mode", result.mode().id());
        g.writeStringField("modeLabel", result.mode().label());
        CocoSummary s = result.summary();
        g.writeObjectFieldStart("stats");
        double[] stats = s.stats();
        for (int i = 0; i < stats.length; i++) {
            g.writeNumberField(s.statNames().get(i), stats[i]);
        }
        if (!s.keypoints()) {
            g.writeNumberField("AR50", s.ar50());
            g.writeNumberField("AR75", s.ar75());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("perCategory");
        for (CategoryMetrics m : result.perCategory()) {
            g.writeStartObject();
            g.writeNumberField("id", m.id());
            g.writeStringField("name", m.name());
            g.writeNumberField("AP", m.ap());
            g.writeNumberField("AP50", m.ap50());
            g.writeNumberField("AP75", m.ap75());
            g.writeNumberField("APs", m.apSmall());
            g.writeNumberField("APm", m.apMedium());
            g.writeNumberField("APl", m.apLarge());
            g.writeNumberField("AR100", m.ar());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeWarnings(result.warnings(), g);
    }

    static void writeWarnings(List<String> warnings, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("warnings");
        for (String w : warnings) {
            g.writeString(w);
        }
        g.writeEndArray();
    }
}
