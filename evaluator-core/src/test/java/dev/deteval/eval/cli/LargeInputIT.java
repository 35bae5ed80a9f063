package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.synth.SyntheticCoco;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, problem 1: ground truth and results files larger than 2 GiB (the largest Java array) are
 * evaluated, in a JVM whose heap is far smaller than the files. The files are a small synthetic data set
 * padded with white space between elements, which JSON ignores, so the numbers must be exactly those of
 * the unpadded files. Run by failsafe in {@code mvn verify} (it writes and reads about 4.3 GB, some
 * tens of seconds), not in the quick surefire run.
 */
final class LargeInputIT {

    /** Just over 2 GiB: past {@code Integer.MAX_VALUE} bytes, where whole-file arrays stop. */
    private static final long TARGET_BYTES = (2L << 30) + (16L << 20);

    @TempDir
    Path dir;

    /**
     * Copies {@code source}, a compact JSON document, putting a newline and spaces after every comma
     * between two objects so that the copy has at least {@link #TARGET_BYTES} bytes.
     */
    private static Path padded(Path source, Path target) throws IOException {
        byte[] json = Files.readAllBytes(source);
        String text = new String(json, StandardCharsets.UTF_8);
        String[] parts = text.split("\\},\\{", -1);
        long joins = parts.length - 1;
        assertThat(joins).as("elements to pad between").isPositive();
        int pad = (int) ((TARGET_BYTES - json.length) / joins + 1);
        byte[] gap = new byte[pad + 3];
        Arrays.fill(gap, (byte) ' ');
        gap[0] = '}';
        gap[1] = ',';
        gap[2] = '\n';
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.write(gap);
                    out.write('{');
                }
                out.write(parts[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(Files.size(target)).isGreaterThan(Integer.MAX_VALUE);
        return target;
    }

    @Test
    void eval_groundTruthAndResultsOver2GiB_sameReportAsTheCompactFiles() throws Exception {
        Path data = dir.resolve("data");
        new SyntheticCoco(400, 5).write(data);
        Path gt = data.resolve("instances.json");
        Path dt = data.resolve("detections.json");
        Path bigGt = padded(gt, dir.resolve("big-instances.json"));
        Path bigDt = padded(dt, dir.resolve("big-detections.json"));

        // a heap a quarter of either file: neither can be held whole
        JavaProcess.Result compact = JavaProcess.run(List.of("-Xmx512m"), null, "eval", "--gt", gt.toString(),
                "--dt", dt.toString(), "--format", "json");
        JavaProcess.Result big = JavaProcess.run(List.of("-Xmx512m"), null, "eval", "--gt", bigGt.toString(),
                "--dt", bigDt.toString(), "--format", "json");

        assertThat(compact.code()).as(compact.err()).isZero();
        assertThat(big.code()).as(big.err()).isZero();
        assertThat(big.out()).isEqualTo(compact.out());
        assertThat(big.err()).isEqualTo(compact.err().replace(gt.toString(), bigGt.toString()));
    }

    @Test
    void nms_resultsOver2GiB_keepsTheSameDetections() throws Exception {
        Path data = dir.resolve("data");
        new SyntheticCoco(400, 6).write(data);
        Path dt = data.resolve("detections.json");
        Path bigDt = padded(dt, dir.resolve("big-detections.json"));
        Path keptCompact = dir.resolve("kept-compact.json");
        Path keptBig = dir.resolve("kept-big.json");

        JavaProcess.Result compact = JavaProcess.run(List.of("-Xmx512m"), null, "nms", "--in", dt.toString(),
                "--out", keptCompact.toString(), "--iou", "0.5");
        JavaProcess.Result big = JavaProcess.run(List.of("-Xmx512m"), null, "nms", "--in", bigDt.toString(),
                "--out", keptBig.toString(), "--iou", "0.5");

        assertThat(compact.code()).as(compact.err()).isZero();
        assertThat(big.code()).as(big.err()).isZero();
        assertThat(Files.readString(keptBig)).isEqualTo(Files.readString(keptCompact));
    }
}
