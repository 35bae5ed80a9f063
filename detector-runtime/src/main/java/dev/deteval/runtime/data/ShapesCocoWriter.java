package dev.deteval.runtime.data;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.geometry.Box;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes the first images of a generator as a COCO data set: {@code DIR/instances.json} (ground truth, the
 * same ids, names and areas as {@link ShapesGroundTruth}) and {@code DIR/images/NNNNNN.png} (lossless, so
 * reading a PNG back gives the very pixels the detector was scored on).
 */
public final class ShapesCocoWriter {

    /** Name of the ground-truth file in the output folder. */
    public static final String INSTANCES = "instances.json";
    /** Name of the image folder in the output folder. */
    public static final String IMAGES = "images";

    private final SceneGenerator generator;
    private final SceneRenderer renderer;

    /** A writer of the generator's scenes, drawn with its configuration's noise. */
    public ShapesCocoWriter(SceneGenerator generator) {
        this.generator = generator;
        this.renderer = new SceneRenderer(generator.config().noise());
    }

    /** Counts of what was written. */
    public record Written(int images, int annotations) {
    }

    /**
     * Writes scenes {@code 0 .. images - 1}.
     *
     * @param dir output folder, created if needed
     * @param images number of images, at least 1
     */
    public Written write(Path dir, int images) {
        if (images < 1) {
            throw new IllegalArgumentException("--images must be at least 1, got " + images);
        }
        try {
            Path imageDir = Files.createDirectories(dir.resolve(IMAGES));
            try (JsonGenerator json = new JsonFactory().createGenerator(dir.resolve(INSTANCES).toFile(),
                    JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                return write(json, imageDir, images);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the data set to " + dir + ": " + e.getMessage(), e);
        }
    }

    private Written write(JsonGenerator json, Path imageDir, int images) throws IOException {
        ShapesConfig config = generator.config();
        json.writeStartObject();
        json.writeObjectFieldStart("info");
        json.writeStringField("description", "deteval synthetic shapes");
        json.writeNumberField("images", images);
        json.writeEndObject();
        json.writeArrayFieldStart("images");
        for (int i = 0; i < images; i++) {
            json.writeStartObject();
            json.writeNumberField("id", ShapesGroundTruth.imageId(i));
            json.writeNumberField("width", config.width());
            json.writeNumberField("height", config.height());
            json.writeStringField("file_name", ShapesGroundTruth.fileName(i));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("categories");
        for (ShapeKind kind : ShapeKind.all()) {
            json.writeStartObject();
            json.writeNumberField("id", kind.categoryId());
            json.writeStringField("name", kind.categoryName());
            json.writeStringField("supercategory", "shape");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("annotations");
        int annotations = 0;
        for (int i = 0; i < images; i++) {
            Scene scene = generator.scene(i);
            ImageIO.write(renderer.render(scene), "png", imageDir.resolve(ShapesGroundTruth.fileName(i)).toFile());
            for (SceneObject object : scene.objects()) {
                Box b = object.box();
                json.writeStartObject();
                json.writeNumberField("id", ++annotations);
                json.writeNumberField("image_id", ShapesGroundTruth.imageId(i));
                json.writeNumberField("category_id", object.kind().categoryId());
                json.writeArrayFieldStart("bbox");
                json.writeNumber(b.x1());
                json.writeNumber(b.y1());
                json.writeNumber(b.width());
                json.writeNumber(b.height());
                json.writeEndArray();
                json.writeNumberField("area", b.area());
                json.writeNumberField("iscrowd", 0);
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeEndObject();
        return new Written(images, annotations);
    }
}
