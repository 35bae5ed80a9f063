package dev.deteval.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers that need no engine: data writing, usage and input errors. */
final class DetectorMainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DetectorMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void data_threeImages_writesJsonAndPngsAndExitsZero() {
        int code = run("data", "--out", dir.toString(), "--images", "3", "--seed", "9");

        assertThat(code).isZero();
        assertThat(dir.resolve("instances.json")).exists();
        assertThat(dir.resolve("images/000003.png")).exists();
        assertThat(out.toString()).startsWith("wrote 3 images, ");
    }

    @Test
    void data_zeroImages_exitTwoOneLine() {
        int code = run("data", "--out", dir.toString(), "--images", "0");

        assertThat(code).isEqualTo(DetectorMain.EXIT_BAD_INPUT);
        assertThat(err.toString()).isEqualTo("deteval-detector: error: --images must be at least 1, got 0"
                + System.lineSeparator());
    }

    @Test
    void detect_missingModel_exitTwoOneLineWithoutStackTrace() {
        run("data", "--out", dir.resolve("data").toString(), "--images", "1");

        int code = run("detect", "--model", dir.resolve("nope").toString(), "--data", dir.resolve("data").toString(),
                "--out", dir.resolve("r.json").toString());

        assertThat(code).isEqualTo(DetectorMain.EXIT_BAD_INPUT);
        assertThat(err.toString()).isEqualTo("deteval-detector: error: model folder " + dir.resolve("nope")
                + " does not exist" + System.lineSeparator());
    }

    @Test
    void detect_unreadableImage_exitTwoNamesTheFile() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.writeString(images.resolve("000001.png"), "not a png");

        int code = run("detect", "--model", dir.toString(), "--images", images.toString(), "--out",
                dir.resolve("r.json").toString());

        assertThat(code).isEqualTo(DetectorMain.EXIT_BAD_INPUT);
        assertThat(err.toString()).startsWith("deteval-detector: error: cannot read image " + images.resolve("000001.png"));
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void detect_unreadableImageVerbose_printsStackTrace() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.writeString(images.resolve("a.png"), "not a png");

        int code = run("detect", "--verbose", "--model", dir.toString(), "--images", images.toString(), "--out",
                dir.resolve("r.json").toString());

        assertThat(code).isEqualTo(DetectorMain.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("at dev.deteval.runtime.inference.FileImages");
    }

    @Test
    void detect_neitherImagesNorData_usageErrorExitTwo() {
        int code = run("detect", "--model", dir.toString(), "--out", dir.resolve("r.json").toString());

        assertThat(code).isEqualTo(DetectorMain.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("Missing required argument");
    }
}
