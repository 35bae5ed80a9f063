package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NmsCommandTest {

    /**
     * Image 1: detections 0 and 1 (category 1) overlap with IoU 3/4 (I = 3, U = 4 + 3 - 3), so 0 (0.8) is
     * suppressed by 1 (0.9); detection 2 is the same box as 0 in category 2; detection 3 is in image 2.
     * Detection 1 carries extra members that must be copied unchanged.
     */
    private static final String RAW = """
            [
              {"image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 2], "score": 0.8},
              {"image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 1.50], "score": 0.9, "id": 7,
               "extra": {"mask": [1, 2.0, null], "ok": true, "name": "a\\"b"}},
              {"image_id": 1, "category_id": 2, "bbox": [0, 0, 2, 2], "score": 0.7},
              {"image_id": 2, "category_id": 1, "bbox": [0, 0, 2, 2], "score": 0.6}
            ]
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static JsonNode read(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    @Test
    void nms_perImageAndCategory_keepsBestOfEachCluster() throws IOException {
        Path in = write("raw.json", RAW);
        Path result = dir.resolve("dets.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5")).isZero();
        JsonNode dets = read(result);
        assertThat(dets).hasSize(3);
        assertThat(dets.get(0).get("score").asDouble()).isEqualTo(0.9);
        assertThat(dets.get(1).get("category_id").asInt()).isEqualTo(2);
        assertThat(dets.get(2).get("image_id").asInt()).isEqualTo(2);
        assertThat(out.toString()).contains("kept 3 of 4 detections");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void nms_keptDetection_copiesEveryMemberAndNumberText() throws IOException {
        Path in = write("raw.json", RAW);
        Path result = dir.resolve("dets.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5")).isZero();
        String text = Files.readString(result);
        assertThat(text).startsWith("[\n{\"image_id\":1,\"category_id\":1,\"bbox\":[0,0,2,1.50],\"score\":0.9,"
                + "\"id\":7,\"extra\":{\"mask\":[1,2.0,null],\"ok\":true,\"name\":\"a\\\"b\"}},\n");
        assertThat(text).endsWith("}\n]\n");
    }

    @Test
    void nms_agnostic_suppressesAcrossCategories() throws IOException {
        Path in = write("raw.json", RAW);
        Path result = dir.resolve("dets.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5", "--agnostic"))
                .isZero();
        assertThat(read(result)).hasSize(2);
    }

    @Test
    void nms_scoreAndMaxDets_applyPerImage() throws IOException {
        Path in = write("raw.json", RAW);
        Path result = dir.resolve("dets.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5", "--max-dets", "1"))
                .isZero();
        assertThat(read(result)).hasSize(2);
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5", "--score", "0.65"))
                .isZero();
        assertThat(read(result)).hasSize(2);
    }

    @Test
    void nms_softLinear_writesDecayedScore() throws IOException {
        Path in = write("raw.json", RAW);
        Path result = dir.resolve("dets.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5", "--soft", "linear"))
                .isZero();
        JsonNode dets = read(result);
        assertThat(dets).hasSize(4);
        assertThat(dets.get(0).get("score").asDouble()).isEqualTo(0.8 * (1 - 3.0 / 4));
        assertThat(dets.get(1).get("score").asDouble()).isEqualTo(0.9);
    }

    @Test
    void nms_softGaussianWithFloor_dropsDecayedBox() throws IOException {
        Path in = write("raw.json", RAW);
        Path result = dir.resolve("dets.json");
        // 0.8 * exp(-(3/4)² / 0.5) = 0.26… < 0.3
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5", "--soft", "gaussian",
                "--sigma", "0.5", "--score", "0.3")).isZero();
        assertThat(read(result)).hasSize(3);
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5", "--soft", "gaussian",
                "--sigma", "0.5")).isZero();
        assertThat(read(result).get(0).get("score").asDouble()).isEqualTo(0.8 * Math.exp(-(0.75 * 0.75) / 0.5));
    }

    /** Issue 13 item 5: gaussian soft-NMS has no threshold, so it must not ask for --iou. */
    @Test
    void nms_softGaussianWithoutIou_runs() throws IOException {
        Path in = write("raw.json", RAW);
        Path result = dir.resolve("dets.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--soft", "gaussian")).isZero();
        assertThat(read(result).get(0).get("score").asDouble()).isEqualTo(0.8 * Math.exp(-(0.75 * 0.75) / 0.5));
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--soft", "linear"))
                .isEqualTo(Main.EXIT_BAD_INPUT);
    }

    @Test
    void nms_softGaussianSigma_setsDecayWidth() throws IOException {
        // a sigma other than the default 0.5, so an ignored --sigma cannot pass
        Path in = write("raw.json", RAW);
        Path result = dir.resolve("dets.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5", "--soft", "gaussian",
                "--sigma", "2")).isZero();
        assertThat(read(result).get(0).get("score").asDouble()).isEqualTo(0.8 * Math.exp(-(0.75 * 0.75) / 2));
    }

    @Test
    void nms_objectWithAnnotations_writesList() throws IOException {
        Path in = write("raw.json", "{\"info\": {}, \"annotations\": " + RAW + "}");
        Path result = dir.resolve("dets.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5")).isZero();
        assertThat(read(result).isArray()).isTrue();
        assertThat(read(result)).hasSize(3);
    }

    @Test
    void nms_emptyList_writesEmptyList() throws IOException {
        Path in = write("raw.json", "[]");
        Path result = dir.resolve("dets.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5")).isZero();
        assertThat(Files.readString(result)).isEqualTo("[]\n");
    }

    @Test
    void nms_sameFileInAndOut_replacesIt() throws IOException {
        Path in = write("raw.json", RAW);
        assertThat(run("nms", "--in", in.toString(), "--out", in.toString(), "--iou", "0.5")).isZero();
        assertThat(read(in)).hasSize(3);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(in);
        }
    }

    @Test
    void nms_missingInput_exitsTwoNamingFile() {
        Path missing = dir.resolve("nope.json");
        assertThat(run("nms", "--in", missing.toString(), "--out", dir.resolve("o.json").toString(), "--iou", "0.5"))
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(missing.toString()).contains("file not found");
    }

    @Test
    void nms_malformedInput_exitsTwoNamingFile() throws IOException {
        Path in = write("bad.json", "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 2], \"score\": 1}]");
        Path result = dir.resolve("o.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5"))
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(in.toString()).contains("bbox");
        assertThat(result).doesNotExist();
    }

    @Test
    void nms_unwritableOutput_exitsTwoNamingFile() throws IOException {
        Path in = write("raw.json", RAW);
        Path result = dir.resolve("no-such-dir").resolve("o.json");
        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5"))
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(result.toString()).contains("cannot be written");
    }

    @Test
    void nms_badOptions_exitTwo() throws IOException {
        Path in = write("raw.json", RAW);
        String o = dir.resolve("o.json").toString();
        assertThat(run("nms", "--in", in.toString(), "--out", o, "--iou", "1.5")).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("IoU threshold must be in [0, 1]");
        assertThat(run("nms", "--in", in.toString(), "--out", o, "--iou", "0.5", "--soft", "cubic"))
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("expected linear or gaussian");
        assertThat(run("nms", "--in", in.toString(), "--out", o, "--iou", "0.5", "--sigma", "0.3"))
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--sigma applies to --soft gaussian only");
        assertThat(run("nms", "--in", in.toString(), "--out", o, "--iou", "half")).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run("nms", "--in", in.toString(), "--out", o)).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--iou");
    }

    @Test
    void nms_help_listsOptions() {
        assertThat(run("nms", "--help")).isZero();
        assertThat(out.toString()).contains("--in", "--out", "--iou", "--score", "--max-dets", "--agnostic", "--soft",
                "--sigma");
    }

    @Test
    void nms_outIsSymbolicLink_exitTwoAndLinkKept() throws IOException {
        Path in = write("raw.json", RAW);
        Path real = write("real.json", "[]");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);

        assertThat(run("nms", "--in", in.toString(), "--out", link.toString(), "--iou", "0.5"))
                .isEqualTo(Main.EXIT_BAD_INPUT);

        assertThat(err.toString().lines()).containsExactly("deteval: error: " + link
                + ": is a symbolic link; refusing to replace it (name a new or regular file)");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("[]");
    }

    @Test
    void nms_outIsDeviceNode_exitTwoAndDeviceKept() throws IOException {
        Path in = write("raw.json", RAW);
        Path device = Path.of("/dev/null");

        assertThat(run("nms", "--in", in.toString(), "--out", device.toString(), "--iou", "0.5"))
                .isEqualTo(Main.EXIT_BAD_INPUT);

        assertThat(err.toString()).contains("/dev/null: is not a regular file; refusing to replace it");
        assertThat(Files.isRegularFile(device, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void nms_inPlace_keepsThePermissionsOfTheFile() throws IOException {
        Path in = write("raw.json", RAW);
        Files.setPosixFilePermissions(in, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(run("nms", "--in", in.toString(), "--out", in.toString(), "--iou", "0.5")).isZero();

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(in)))
                .isEqualTo("rw-r--r--");
        assertThat(read(in)).hasSize(3);
    }

    @Test
    void nms_newFile_getsUmaskPermissionsNotOwnerOnly() throws IOException {
        Path in = write("raw.json", RAW);
        Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives a new file
        Path result = dir.resolve("kept.json");

        assertThat(run("nms", "--in", in.toString(), "--out", result.toString(), "--iou", "0.5")).isZero();

        assertThat(Files.getPosixFilePermissions(result)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
