package dev.deteval.runtime.inference;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.data.Detections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes detections as a COCO results file: a JSON list of {@code {"image_id", "category_id", "bbox": [x,
 * y, w, h], "score"}} in pixels, in the detections' order. Values are written as float32 decimals (the
 * precision the network computes in), so the file is what the evaluator scores.
 */
public final class CocoResultsJson {

    private CocoResultsJson() {
    }

    /**
     * Writes the file, creating its folder if needed.
     *
     * @param detections boxes in pixels
     * @param file the target
     */
    public static void write(Detections detections, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long[] images = detections.imageIdColumn();
        long[] categories = detections.categoryIdColumn();
        double[] boxes = detections.boxColumn();
        double[] scores = detections.scoreColumn();
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (int i = 0; i < detections.size(); i++) {
                json.writeRaw('\n');
                json.writeStartObject();
                json.writeNumberField("image_id", images[i]);
                json.writeNumberField("category_id", categories[i]);
                json.writeArrayFieldStart("bbox");
                for (int k = 0; k < 4; k++) {
                    json.writeNumber((float) boxes[4 * i + k]);
                }
                json.writeEndArray();
                json.writeNumberField("score", (float) scores[i]);
                json.writeEndObject();
            }
            json.writeRaw('\n');
            json.writeEndArray();
        }
    }
}
