package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonToken;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import java.io.InputStream;
import java.util.List;

/**
 * Reads VOC detections as a JSON list
 * {@code [{"image": "000012", "name": "cat", "score": 0.91, "bbox": [xmin, ymin, xmax, ymax]}]}.
 * Other members are skipped. A detection on an image that is not in the ground truth is an error; one
 * of a class that is not evaluated is skipped and counted in a warning.
 */
final class VocDetectionsJsonReader {

    private final JsonCursor c;
    private final VocDataset gt;
    private final VocDetections.Builder builder;
    private final SkippedClasses skipped = new SkippedClasses();
    private final double[] box = new double[4];

    private VocDetectionsJsonReader(JsonCursor c, VocDataset gt) {
        this.c = c;
        this.gt = gt;
        this.builder = VocDetections.builder(gt);
    }

    static VocDetections read(InputStream in, String source, VocDataset gt, List<String> warnings) {
        JsonCursor c = VocJson.open(in, source);
        try {
            VocDetectionsJsonReader reader = new VocDetectionsJsonReader(c, gt);
            VocDetections dt = reader.parse();
            reader.skipped.report(warnings, source, "detection(s)");
            return dt;
        } finally {
            VocJson.close(c);
        }
    }

    private VocDetections parse() {
        c.next();
        c.expect(JsonToken.START_ARRAY, "$", "a JSON array of detections {image, name, score, bbox}");
        int i = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            if (c.current() == null) {
                throw c.error("$", "unexpected end of input");
            }
            String path = "[" + i + "]";
            c.expect(JsonToken.START_OBJECT, path, "an object");
            detection(path);
            i++;
        }
        VocJson.expectEnd(c);
        return builder.build();
    }

    private void detection(String path) {
        int image = -1;
        String name = null;
        double score = Double.NaN;
        boolean hasBox = false;
        while (c.next() == JsonToken.FIELD_NAME) {
            String field = c.fieldName();
            c.next();
            switch (field) {
                case "image" -> image = image(path + ".image");
                case "name" -> name = c.readString(path + ".name");
                case "score" -> score = c.readFinite(path + ".score");
                case "bbox" -> {
                    VocJson.readCorners(c, path + ".bbox", box);
                    hasBox = true;
                }
                default -> c.skipChildren();
            }
        }
        if (image < 0) {
            throw c.error(path, "missing required field 'image'");
        }
        if (name == null || name.isEmpty()) {
            throw c.error(path, "missing required field 'name'");
        }
        if (Double.isNaN(score)) {
            throw c.error(path, "missing required field 'score'");
        }
        if (!hasBox) {
            throw c.error(path, "missing required field 'bbox'");
        }
        int k = gt.classIndex(name);
        if (k < 0) {
            skipped.add(name);
            return;
        }
        builder.add(image, k, score, box[0], box[1], box[2], box[3]);
    }

    private int image(String path) {
        String id = c.readString(path);
        int image = gt.imageIndex(id);
        if (image < 0) {
            throw c.error(path, "image '" + id + "' is not in the ground truth (voc_eval.py fails on it too)");
        }
        return image;
    }
}
