package dev.deteval.samples.learning;

import dev.deteval.eval.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a sample writes its files: the first program argument if there is one, else
 * {@code <samples build directory>/<name>}. The build directory comes from the system property
 * {@code deteval.samples.dir}, which {@code samples/pom.xml} sets to the module's {@code target} folder
 * for {@code exec:java} (Maven runs the sample in its own JVM, whose working directory is wherever mvn
 * was started, usually the repository root); without the property it is {@code target} in the working
 * directory.
 */
final class SampleOutput {

    /** The system property that names the samples module's build directory. */
    static final String PROPERTY = "deteval.samples.dir";

    private SampleOutput() {
    }

    /** The output directory for sample {@code name}, created if missing. */
    static Path directory(String[] args, String name) {
        Path dir = args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty(PROPERTY, "target")).resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * Writes {@code text} to {@code dir/file} as UTF-8, creating {@code dir} if needed, whole or not at all
     * (through evaluator-core's {@link AtomicFile}, the project's one way of writing files).
     */
    static void write(Path dir, String file, String text) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        AtomicFile.write(dir.resolve(file), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
