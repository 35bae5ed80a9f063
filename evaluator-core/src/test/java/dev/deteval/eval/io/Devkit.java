package dev.deteval.eval.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small VOC devkit folders for reader tests. */
final class Devkit {

    final Path root;

    private Devkit(Path root) {
        this.root = root;
    }

    /** {@code Annotations/} and {@code ImageSets/Main/} under {@code root}. */
    static Devkit in(Path root) {
        try {
            Files.createDirectories(root.resolve("Annotations"));
            Files.createDirectories(root.resolve("ImageSets").resolve("Main"));
            Files.createDirectories(root.resolve("results"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Devkit(root);
    }

    /** An annotation file whose lines are {@code lines} (line 1 is the first). */
    Devkit xml(String id, String... lines) {
        return write(root.resolve("Annotations").resolve(id + ".xml"), lines(lines));
    }

    /** An annotation with one object per {@code objects} entry ({@code name xmin ymin xmax ymax difficult}). */
    Devkit simpleXml(String id, String... objects) {
        StringBuilder sb = new StringBuilder("<annotation>\n  <filename>" + id + ".jpg</filename>\n");
        for (String o : objects) {
            String[] f = o.split(" ");
            sb.append("  <object>\n    <name>").append(f[0]).append("</name>\n    <difficult>").append(f[5])
                    .append("</difficult>\n    <bndbox><xmin>").append(f[1]).append("</xmin><ymin>").append(f[2])
                    .append("</ymin><xmax>").append(f[3]).append("</xmax><ymax>").append(f[4])
                    .append("</ymax></bndbox>\n  </object>\n");
        }
        sb.append("</annotation>\n");
        return write(root.resolve("Annotations").resolve(id + ".xml"), sb.toString());
    }

    Devkit set(String name, String... lines) {
        return write(root.resolve("ImageSets").resolve("Main").resolve(name + ".txt"), lines(lines));
    }

    Devkit results(String fileName, String... lines) {
        return write(root.resolve("results").resolve(fileName), lines(lines));
    }

    Path results() {
        return root.resolve("results");
    }

    /** The lines joined, each ended by a newline. */
    static String lines(String... lines) {
        return lines.length == 0 ? "" : String.join("\n", lines) + "\n";
    }

    /** Writes a file anywhere. */
    static Path file(Path file, String... lines) {
        try {
            Files.writeString(file, lines(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private Devkit write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
