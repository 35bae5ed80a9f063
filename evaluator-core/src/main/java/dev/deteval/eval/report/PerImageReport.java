package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.ImageCounts;
import dev.deteval.eval.coco.PerImageCounts;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Per-image counts as JSON Lines (UTF-8, one object per line, worst image first):
 *
 * <pre>{@code
 * {"imageId":42,"fileName":"000042.jpg","tp":3,"fp":5,"fn":2,"iou":0.5,"confidence":0.25}
 * }</pre>
 * {@code fileName} is the ground truth's {@code file_name}, empty when it has none.
 */
public final class PerImageReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private PerImageReport() {
    }

    /** Writes every image of {@code counts}, in {@link PerImageCounts#worstFirst()} order, to {@code out} (left open). */
    public static void writeJsonLines(PerImageCounts counts, OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.setRootValueSeparator(null); // the lines end in a newline, written below
        // the thresholds are the same on every line: turned into text once
        RepeatedNumbers iou = new RepeatedNumbers();
        RepeatedNumbers confidence = new RepeatedNumbers();
        for (ImageCounts c : counts.worstFirst()) {
            g.writeStartObject();
            g.writeNumberField("imageId", c.imageId());
            g.writeStringField("fileName", c.fileName());
            g.writeNumberField("tp", c.tp());
            g.writeNumberField("fp", c.fp());
            g.writeNumberField("fn", c.fn());
            g.writeFieldName("iou");
            iou.write(g, counts.iou());
            g.writeFieldName("confidence");
            confidence.write(g, counts.confidence());
            g.writeEndObject();
            g.writeRaw('\n');
        }
        g.flush();
        g.close();
    }
}
