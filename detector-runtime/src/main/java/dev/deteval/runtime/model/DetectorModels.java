package dev.deteval.runtime.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Creates, saves and loads the detector as a DJL {@link Model}: DJL's own parameter format
 * ({@code detector-0000.params}) plus {@link DetectorSpec#FILE}.
 */
public final class DetectorModels {

    private DetectorModels() {
    }

    /** A new model holding an uninitialised network of the given shape. */
    public static Model create(DetectorSpec spec) {
        Model model = Model.newInstance(DetectorSpec.MODEL_NAME);
        model.setBlock(CenterNetwork.build(spec.classes(), spec.width()));
        return model;
    }

    /**
     * Saves a model's parameters and its spec into a folder (created if needed), replacing an earlier
     * save.
     *
     * @param facts extra entries for {@link DetectorSpec#FILE}
     */
    public static void save(Model model, DetectorSpec spec, Path dir, Map<String, String> facts) throws IOException {
        Files.createDirectories(dir);
        model.setProperty("Epoch", "0");
        model.save(dir, DetectorSpec.MODEL_NAME);
        spec.write(dir, facts);
    }

    /**
     * Loads a saved detector.
     *
     * @throws IllegalArgumentException when the folder holds no readable detector (a one-line message)
     */
    public static Loaded load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("model folder " + dir + " does not exist");
        }
        DetectorSpec spec = DetectorSpec.read(dir);
        Model model = create(spec);
        try {
            model.load(dir, DetectorSpec.MODEL_NAME);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IllegalArgumentException("cannot load the detector in " + dir + ": " + e.getMessage(), e);
        }
        return new Loaded(model, spec);
    }

    /**
     * A loaded detector; closing it frees the model's native memory.
     *
     * @param model the DJL model
     * @param spec its shape
     */
    public record Loaded(Model model, DetectorSpec spec) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }
}
