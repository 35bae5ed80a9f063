package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
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
        g.setPrettyPrinter(new OnePerLine());
        g.writeStartObject();
        g.writeArrayFieldStart("images");
        for (int i = 0; i < gt.imageCount(); i++) {
            g.writeStartObject();
            g.writeNumberField("id", gt.imageId(i));
            g.writeStringField("file_name", gt.imageFileName(i));
            g.writeNumberField("width", gt.imageWidth(i));
            g.writeNumberField("height", gt.imageHeight(i));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("categories");
        for (Category c : gt.categories()) {
            g.writeStartObject();
            g.writeNumberField("id", c.id());
            g.writeStringField("name", c.name());
            if (!c.supercategory().isEmpty()) {
                g.writeStringField("supercategory", c.supercategory());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("annotations");
        long[] ids = gt.annotationIdColumn();
        long[] images = gt.imageIdColumn();
        long[] categories = gt.categoryIdColumn();
        double[] boxes = gt.boxColumn();
        double[] areas = gt.areaColumn();
        boolean[] crowd = gt.crowdColumn();
        for (int a = 0; a < ids.length; a++) {
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
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    /** Each image, category and annotation on a line of its own; nothing else spaced. */
    private static final class OnePerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        /** Whether the generator is in one of the top-level object's lists. */
        private static boolean inList(JsonGenerator g) {
            JsonStreamContext c = g.getOutputContext();
            return c.inArray() && c.getParent() != null && c.getParent().getParent() != null
                    && c.getParent().getParent().getParent() == null;
        }

        private static boolean inTop(JsonGenerator g) {
            JsonStreamContext c = g.getOutputContext();
            return c.inObject() && c.getParent() != null && c.getParent().getParent() == null;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (inList(g)) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(inList(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(inList(g) && values > 0 ? "\n]" : "]");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(inTop(g) ? ",\n" : ",");
        }
    }
}
