package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.data.Names;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The detection confusion matrix in a COCO report, present only when one was asked for. JSON member:
 *
 * <pre>{@code
 * "confusionMatrix":{"matching":"class-aware","iou":…,"confidence":…,"categoryIds":[…],"labels":["cat",…,"background"],
 *                    "counts":[[…],…],"rowNormalized":[[…],…]}
 * }</pre>
 *
 * Rows are true classes, columns predicted classes; the last row and column are background.
 */
final class ConfusionMatrixReport {

    private ConfusionMatrixReport() {
    }

    /** The matching's name as on the command line. */
    static String matchingName(DetectionConfusionMatrix m) {
        return m.matching().name().toLowerCase(Locale.ROOT).replace("class_", "class-");
    }

    /** The text table. */
    static String text(DetectionConfusionMatrix m, CategoryIds ids) {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < m.background(); k++) {
            String name = m.categoryNames().get(k);
            labels.add(name.isEmpty() ? ids.cell(m.categoryIds()[k]) : Names.cell(name));
        }
        labels.add("background");
        int first = "true \\ predicted".length();
        int width = 5;
        for (String l : labels) {
            first = Math.max(first, l.length());
            width = Math.max(width, l.length());
        }
        long[][] counts = m.counts();
        for (long[] row : counts) {
            for (long v : row) {
                width = Math.max(width, String.valueOf(v).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("\nDetection confusion matrix (").append(matchingName(m)).append(", IoU ")
                .append(Decimals.fixed(m.iou(), 2)).append(", confidence >= ").append(Decimals.fixed(m.confidence(), 3))
                .append("): rows true class, columns predicted class\n");
        out.append(String.format("%-" + first + "s", "true \\ predicted"));
        for (String l : labels) {
            out.append(String.format(" %" + width + "s", l));
        }
        out.append('\n');
        for (int r = 0; r < counts.length; r++) {
            out.append(String.format("%-" + first + "s", labels.get(r)));
            for (long v : counts[r]) {
                out.append(String.format(" %" + width + "d", v));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes the {@code confusionMatrix} member into an object the caller has started. */
    static void writeMember(DetectionConfusionMatrix m, CategoryIds ids, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("confusionMatrix");
        g.writeStringField("matching", matchingName(m));
        g.writeNumberField("iou", m.iou());
        g.writeNumberField("confidence", m.confidence());
        g.writeArrayFieldStart("categoryIds");
        for (long id : m.categoryIds()) {
            ids.write(g, id);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("labels");
        for (String name : m.categoryNames()) {
            g.writeString(name);
        }
        g.writeString("background");
        g.writeEndArray();
        g.writeArrayFieldStart("counts");
        for (long[] row : m.counts()) {
            g.writeStartArray();
            for (long v : row) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rowNormalized");
        for (double[] row : m.rowNormalized()) {
            RepeatedNumbers.writeArray(g, row); // mostly zeros
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
