package dev.deteval.eval.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A tiny YOLO dataset written into a folder for tests: {@code data.yaml} (classes cat and dog, split
 * {@code val} = {@code images/val}), two PNG images with labels and one without.
 *
 * <ul>
 *   <li>{@code 000001.png}, 640 × 480: cat {@code 0.5 0.5 0.25 0.5} and dog {@code 0.25 0.25 0.1 0.2};</li>
 *   <li>{@code 000002.png}, 320 × 240: dog {@code 0.5 0.5 0.5 0.5};</li>
 *   <li>{@code 000003.png}, 100 × 50: no label file (no objects).</li>
 * </ul>
 */
public final class YoloFixture {

    /** The YAML file. */
    public static final String YAML = """
            # a tiny dataset for tests
            path: .
            train: images/train
            val: images/val
            names:
              0: cat
              1: dog
            """;

    public static final String LABELS_1 = "0 0.5 0.5 0.25 0.5\n1 0.25 0.25 0.1 0.2\n";
    public static final String LABELS_2 = "1 0.5 0.5 0.5 0.5\n";

    private YoloFixture() {
    }

    /** Writes the dataset into {@code root} and returns its YAML file. */
    public static Path write(Path root) {
        png(root.resolve("images/val/000001.png"), 640, 480);
        png(root.resolve("images/val/000002.png"), 320, 240);
        png(root.resolve("images/val/000003.png"), 100, 50);
        text(root.resolve("labels/val/000001.txt"), LABELS_1);
        text(root.resolve("labels/val/000002.txt"), LABELS_2);
        return text(root.resolve("data.yaml"), YAML);
    }

    /** Writes a black PNG image of this size. */
    public static Path png(Path file, int width, int height) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file, creating its folder. */
    public static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
