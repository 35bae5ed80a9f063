package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.GroundTruth;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes ground truth as a COCO instances JSON file: {@code images} ({@code id, file_name, width, height}),
 * {@code categories} ({@code id, name}, and {@code supercategory} when there is one) and {@code annotations}
 * ({@code id, image_id, category_id, bbox, area, iscrowd}), one object per line. Box and area numbers are
 * written with 12 significant digits ({@link DecimalText}). Masks and keypoints are not written.
 */
final class CocoGroundTruthWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private CocoGroundTruthWriter() {
    }

    /** Writes {@code gt} to {@code target} through {@link AtomicFile}. */
    static void write(GroundTruth gt, Path target) {
        AtomicFile.write(target, out -> write(gt, out));
    }

    static void write(GroundTruth gt, OutputStream stream) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(stream);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeArrayFieldStart("images");
        for (int i = 0; i < gt.imageCount(); i++) {
            g.writeRaw("\n");
            g.writeStartObject();
            g.writeNumberField("id", gt.imageId(i));
            g.writeStringField("file_name", gt.imageFileName(i));
            g.writeNumberField("width", gt.imageWidth(i));
            g.writeNumberField("height", gt.imageHeight(i));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeRaw("\n");
        g.writeArrayFieldStart("categories");
        for (Category c : gt.categories()) {
            g.writeRaw("\n");
            g.writeStartObject();
            g.writeNumberField("id", c.id());
            g.writeStringField("name", c.name());
            if (!c.supercategory().isEmpty()) {
                g.writeStringField("supercategory", c.supercategory());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeRaw("\n");
        g.writeArrayFieldStart("annotations");
        long[] ids = gt.annotationIdColumn();
        long[] images = gt.imageIdColumn();
        long[] categories = gt.categoryIdColumn();
        double[] boxes = gt.boxColumn();
        double[] areas = gt.areaColumn();
        boolean[] crowd = gt.crowdColumn();
        for (int a = 0; a < ids.length; a++) {
            g.writeRaw("\n");
            g.writeStartObject();
            g.writeNumberField("id", ids[a]);
            g.writeNumberField("image_id", images[a]);
            g.writeNumberField("category_id", categories[a]);
            g.writeArrayFieldStart("bbox");
            for (int k = 0; k < 4; k++) {
                g.writeNumber(DecimalText.of(boxes[4 * a + k]));
            }
            g.writeEndArray();
            g.writeFieldName("area");
            g.writeNumber(DecimalText.of(areas[a]));
            g.writeNumberField("iscrowd", crowd[a] ? 1 : 0);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeRaw("\n");
        g.writeEndObject();
        g.writeRaw("\n");
        g.flush();
    }
}
