package dev.deteval.eval.cli;

import static dev.deteval.eval.io.YoloFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.io.YoloFixture;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deteval eval} on a YOLO dataset: the same report as on the COCO files that hold the same boxes in
 * pixels, gate rules included; bad YOLO input is exit code 2 with one line naming the file and line.
 */
final class EvalCommandYoloTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String PREDICTIONS_1 = "0 0.5 0.5 0.25 0.5 0.9\n1 0.3 0.3 0.1 0.2 0.6\n";
    private static final String PREDICTIONS_2 = "1 0.5 0.5 0.4 0.5 0.8\n0 0.5 0.5 0.5 0.5 0.3\n";

    /** The fixture and the predictions above, converted by hand: x = W(cx − w/2), y = H(cy − h/2), W·w, H·h. */
    private Path[] cocoEquivalent() {
        String gt = """
                {"images": [{"id": 1, "width": 640, "height": 480}, {"id": 2, "width": 320, "height": 240},
                            {"id": 3, "width": 100, "height": 50}],
                 "categories": [{"id": 0, "name": "cat"}, {"id": 1, "name": "dog"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 0, "bbox": [%s, %s, %s, %s], "area": %s, "iscrowd": 0},
                   {"id": 2, "image_id": 1, "category_id": 1, "bbox": [%s, %s, %s, %s], "area": %s, "iscrowd": 0},
                   {"id": 3, "image_id": 2, "category_id": 1, "bbox": [%s, %s, %s, %s], "area": %s, "iscrowd": 0}]}
                """.formatted(flat(box(640, 480, 0.5, 0.5, 0.25, 0.5, true), box(640, 480, 0.25, 0.25, 0.1, 0.2, true),
                box(320, 240, 0.5, 0.5, 0.5, 0.5, true)));
        String dt = """
                [{"image_id": 1, "category_id": 0, "bbox": [%s, %s, %s, %s], "score": 0.9},
                 {"image_id": 1, "category_id": 1, "bbox": [%s, %s, %s, %s], "score": 0.6},
                 {"image_id": 2, "category_id": 1, "bbox": [%s, %s, %s, %s], "score": 0.8},
                 {"image_id": 2, "category_id": 0, "bbox": [%s, %s, %s, %s], "score": 0.3}]
                """.formatted(flat(box(640, 480, 0.5, 0.5, 0.25, 0.5, false), box(640, 480, 0.3, 0.3, 0.1, 0.2, false),
                box(320, 240, 0.5, 0.5, 0.4, 0.5, false), box(320, 240, 0.5, 0.5, 0.5, 0.5, false)));
        return new Path[] {text(dir.resolve("coco/gt.json"), gt), text(dir.resolve("coco/dt.json"), dt)};
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    private static Object[] flat(Object[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray();
    }

    private static Object[] box(int width, int height, double cx, double cy, double w, double h, boolean area) {
        double[] b = {width * (cx - w / 2), height * (cy - h / 2), width * w, height * h};
        Object[] out = new Object[area ? 5 : 4];
        for (int k = 0; k < 4; k++) {
            out[k] = Double.toString(b[k]);
        }
        if (area) {
            out[4] = Double.toString(b[2] * b[3]);
        }
        return out;
    }

    private Path yoloPredictions() {
        text(dir.resolve("pred/000001.txt"), PREDICTIONS_1);
        text(dir.resolve("pred/000002.txt"), PREDICTIONS_2);
        return dir.resolve("pred");
    }

    @Test
    void eval_yoloDatasetAndTxtPredictions_sameReportAsEquivalentCocoFiles() {
        Path yaml = YoloFixture.write(dir.resolve("ds"));
        Path[] coco = cocoEquivalent();

        CliRun yolo = run("eval", "--gt", yaml.toString(), "--dt", yoloPredictions().toString(), "--rule", "AP50>=0.9");
        CliRun reference = run("eval", "--gt", coco[0].toString(), "--dt", coco[1].toString(), "--rule", "AP50>=0.9");

        assertThat(reference.code()).isEqualTo(1); // the rule fails on this data, so both exit codes are compared
        assertThat(yolo.code()).isEqualTo(reference.code());
        assertThat(yolo.out()).isEqualTo(reference.out());
        assertThat(yolo.err()).isEqualTo(reference.err());
    }

    @Test
    void eval_yoloDatasetAndCocoResultsJson_sameReportAndAnalysesAsEquivalentCocoFiles() {
        Path yaml = YoloFixture.write(dir.resolve("ds"));
        Path[] coco = cocoEquivalent();
        String[] analyses = {"--format", "json", "--confidence", "0.5", "--confusion-matrix", "class-aware"};

        CliRun yolo = run(concat(new String[] {"eval", "--gt", yaml.toString(), "--dt", coco[1].toString()}, analyses));
        CliRun reference = run(concat(new String[] {"eval", "--gt", coco[0].toString(), "--dt", coco[1].toString()},
                analyses));

        assertThat(yolo.code()).isZero();
        assertThat(yolo.out()).contains("\"operatingPoint\"", "\"confusionMatrix\"").isEqualTo(reference.out());
    }

    @Test
    void eval_badYoloLabel_exit2AndOneLineNamingFileAndLine() {
        Path yaml = YoloFixture.write(dir.resolve("ds"));
        Path labels = text(dir.resolve("ds/labels/val/000002.txt"), "1 0.5 0.5 0.5 0.5\n7 0.5 0.5 0.5 0.5\n");

        CliRun r = run("eval", "--gt", yaml.toString(), "--dt", yoloPredictions().toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("deteval: error: " + labels
                + ": line 2: class 7 is not among the 2 classes of the dataset YAML (0..1)");
    }

    @Test
    void eval_badYoloPrediction_exit2AndNoReport() {
        Path yaml = YoloFixture.write(dir.resolve("ds"));
        Path p = text(dir.resolve("pred/000001.txt"), "0 0.5 0.5 0.25 0.5 high\n");

        CliRun r = run("eval", "--gt", yaml.toString(), "--dt", p.getParent().toString(), "--format", "json");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("deteval: error: " + p + ": line 1: confidence is not a number: 'high'"
                + System.lineSeparator());
    }

    @Test
    void eval_splitWithCocoGroundTruth_exit2() {
        Path[] coco = cocoEquivalent();

        CliRun r = run("eval", "--gt", coco[0].toString(), "--dt", coco[1].toString(), "--split", "test");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().toLowerCase(Locale.ROOT)).contains("applies to a yolo dataset");
    }

    @Test
    void eval_yoloWithSegm_exit2() {
        Path yaml = YoloFixture.write(dir.resolve("ds"));

        CliRun r = run("eval", "--gt", yaml.toString(), "--dt", yoloPredictions().toString(), "--iou-type", "segm");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("boxes only");
    }
}
