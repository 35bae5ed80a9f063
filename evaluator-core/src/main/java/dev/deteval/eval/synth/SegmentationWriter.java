package dev.deteval.eval.synth;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.mask.Rle;
import dev.deteval.eval.mask.RleStrings;
import java.io.IOException;

/** Writes COCO {@code segmentation} fields: polygons, uncompressed RLE and compressed RLE. */
final class SegmentationWriter {

    private SegmentationWriter() {
    }

    /** A ground truth's segmentation: {@code [[x0, y0, ...]]}, or for a crowd region its mask as uncompressed RLE. */
    static void writeObject(JsonGenerator g, double[] polygon, Rle mask, boolean crowd) throws IOException {
        g.writeFieldName("segmentation");
        if (crowd) {
            g.writeStartObject();
            int[] counts = mask.counts();
            g.writeFieldName("counts");
            g.writeArray(counts, 0, counts.length);
            writeSize(g, mask);
            g.writeEndObject();
            return;
        }
        g.writeStartArray();
        g.writeArray(polygon, 0, polygon.length);
        g.writeEndArray();
    }

    /** A result's segmentation: {@code {"size": [h, w], "counts": "<compressed RLE>"}}. */
    static void writeCompressed(JsonGenerator g, Rle mask) throws IOException {
        g.writeObjectFieldStart("segmentation");
        writeSize(g, mask);
        g.writeStringField("counts", RleStrings.encode(mask));
        g.writeEndObject();
    }

    private static void writeSize(JsonGenerator g, Rle mask) throws IOException {
        g.writeArrayFieldStart("size");
        g.writeNumber(mask.height());
        g.writeNumber(mask.width());
        g.writeEndArray();
    }
}
