package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.ConfidenceCurve;
import dev.deteval.eval.coco.Curves;
import java.io.IOException;

/**
 * The curves of a COCO report, in JSON only and only when asked for (they are large):
 *
 * <pre>{@code
 * "curves":{"iouThresholds":[T],"recallThresholds":[R],
 *           "precision":[{"id":…,"name":…,"byIou":[[R],…T]},…K],      interpolated, -1 without ground truth
 *           "meanPrecision":[[R],…T],
 *           "confidence":{"iou":…,"thresholds":[C],
 *                         "overall":{"precision":[C],"recall":[C],"f1":[C]},
 *                         "perCategory":[{"id":…,"name":…,"precision":[C],"recall":[C],"f1":[C]},…K]}}
 * }</pre>
 */
final class CurvesReport {

    private CurvesReport() {
    }

    /** Writes the {@code curves} member into an object the caller has started. */
    static void writeMember(Curves c, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("curves");
        array(g, "iouThresholds", c.iouThresholds());
        array(g, "recallThresholds", c.recallThresholds());
        long[] ids = c.categoryIds();
        int thresholds = c.iouThresholds().length;
        g.writeArrayFieldStart("precision");
        for (int k = 0; k < ids.length; k++) {
            g.writeStartObject();
            g.writeNumberField("id", ids[k]);
            g.writeStringField("name", c.categoryNames().get(k));
            g.writeArrayFieldStart("byIou");
            for (int t = 0; t < thresholds; t++) {
                double[] p = c.precision(t, k);
                RepeatedNumbers.writeArray(g, p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("meanPrecision");
        for (int t = 0; t < thresholds; t++) {
            double[] p = c.meanPrecision(t);
            RepeatedNumbers.writeArray(g, p);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("confidence");
        g.writeNumberField("iou", c.confidenceIou());
        array(g, "thresholds", c.overall().confidence());
        g.writeObjectFieldStart("overall");
        rates(g, c.overall());
        g.writeEndObject();
        g.writeArrayFieldStart("perCategory");
        for (ConfidenceCurve curve : c.perCategory()) {
            g.writeStartObject();
            g.writeNumberField("id", curve.categoryId());
            g.writeStringField("name", curve.name());
            rates(g, curve);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void rates(JsonGenerator g, ConfidenceCurve c) throws IOException {
        array(g, "precision", c.precision());
        array(g, "recall", c.recall());
        array(g, "f1", c.f1());
    }

    private static void array(JsonGenerator g, String name, double[] values) throws IOException {
        g.writeFieldName(name);
        RepeatedNumbers.writeArray(g, values);
    }
}
