package dev.deteval.runtime.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * What a saved detector needs besides its parameters to be rebuilt: the network's shape and the input
 * size. Stored next to DJL's parameter file as {@value #FILE}, a Java properties file, together with any
 * facts the trainer records (steps, validation AP).
 *
 * @param classes object classes
 * @param width channels of the stride-4 layers ({@link CenterNetwork#build})
 * @param imageWidth input width in pixels
 * @param imageHeight input height in pixels
 */
public record DetectorSpec(int classes, int width, int imageWidth, int imageHeight) {

    /** Name of the file in the model folder. */
    public static final String FILE = "detector.properties";
    /** Name the parameters are saved under: DJL writes {@code detector-0000.params}. */
    public static final String MODEL_NAME = "detector";

    /** Checks the values through {@link GridLayout}. */
    public DetectorSpec {
        if (width < 4 || width % 4 != 0) {
            throw new IllegalArgumentException("width must be a positive multiple of 4, got " + width);
        }
        new GridLayout(classes, imageWidth, imageHeight, CenterNetwork.STRIDE);
    }

    /** The output grid of this network. */
    public GridLayout layout() {
        return new GridLayout(classes, imageWidth, imageHeight, CenterNetwork.STRIDE);
    }

    /**
     * Writes {@value #FILE} into a folder.
     *
     * @param dir the model folder, which must exist
     * @param facts extra entries (e.g. {@code steps}, {@code ap}), written after the spec
     */
    public void write(Path dir, Map<String, String> facts) throws IOException {
        Properties p = new Properties();
        p.setProperty("classes", Integer.toString(classes));
        p.setProperty("width", Integer.toString(width));
        p.setProperty("imageWidth", Integer.toString(imageWidth));
        p.setProperty("imageHeight", Integer.toString(imageHeight));
        facts.forEach(p::setProperty);
        try (Writer out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(out, "deteval centre-heatmap detector");
        }
    }

    /**
     * Reads {@value #FILE} from a model folder.
     *
     * @throws IllegalArgumentException when the file is missing or incomplete (a one-line message)
     */
    public static DetectorSpec read(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no detector model in " + dir + " (" + FILE + " is missing)", e);
        }
        return new DetectorSpec(intValue(p, "classes", dir), intValue(p, "width", dir),
                intValue(p, "imageWidth", dir), intValue(p, "imageHeight", dir));
    }

    private static int intValue(Properties p, String key, Path dir) {
        String value = p.getProperty(key);
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(dir.resolve(FILE) + ": '" + key + "' must be an integer, got "
                    + value, e);
        }
    }
}
