package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad segm and keypoint input on the command line: exit code 2 and one stderr line naming the file, the
 * annotation (JSON path) and the problem.
 */
final class EvalCommandSegmKeypointBadInputTest {

    private static final String GT = """
            {"images": [{"id": 1, "width": 20, "height": 10}],
             "categories": [{"id": 1, "name": "person"}],
             "annotations": [{"id": 7, "image_id": 1, "category_id": 1, "bbox": [0, 0, 4, 4], "area": 16,
                              %s}]}
            """;
    private static final String GOOD_SEGM = "\"segmentation\": [[0, 0, 4, 0, 4, 4, 0, 4]]";
    private static final String GOOD_KPS = "\"keypoints\": [1, 1, 2, 3, 3, 2], \"num_keypoints\": 2";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run eval(String gt, String dt, String iouType) throws IOException {
        Path g = Files.writeString(dir.resolve("gt.json"), gt);
        Path d = Files.writeString(dir.resolve("dt.json"), dt);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"eval", "--gt", g.toString(), "--dt", d.toString(), "--iou-type", iouType},
                new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private void assertBadInput(Run r, String file, String place, String problem) {
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .contains(dir.resolve(file).toString()).contains(place).contains(problem));
    }

    @Test
    void eval_polygonPartWithTwoPoints_exit2NamingAnnotation() throws IOException {
        String gt = GT.formatted("\"segmentation\": [[0, 0, 4, 0, 4, 4], [1, 1, 2, 2]]");

        Run r = eval(gt, "[]", "segm");

        assertBadInput(r, "gt.json", "annotations[0].segmentation", "annotation 7: polygon part 1");
    }

    @Test
    void eval_rleCountsNotSummingToImage_exit2NamingAnnotation() throws IOException {
        String gt = GT.formatted("\"segmentation\": {\"counts\": [5, 5], \"size\": [10, 20]}");

        Run r = eval(gt, "[]", "segm");

        assertBadInput(r, "gt.json", "annotations[0].segmentation", "RLE counts sum to 10 but h*w = 200");
    }

    @Test
    void eval_keypointsNotMultipleOfThree_exit2NamingAnnotation() throws IOException {
        String gt = GT.formatted("\"keypoints\": [1, 1, 2, 3], \"num_keypoints\": 1");

        Run r = eval(gt, "[]", "keypoints");

        assertBadInput(r, "gt.json", "annotations[0].keypoints", "got 4 numbers (not a multiple of 3)");
    }

    @Test
    void eval_detectionKeypointCountDiffersFromSigmas_exit2NamingResultsFileAndDetection() throws IOException {
        String dt = "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.9,"
                + " \"keypoints\": [1, 1, 2, 3, 3, 2]}]";

        Run r = eval(GT.formatted(GOOD_KPS), dt, "keypoints");

        assertBadInput(r, "dt.json", "[0].keypoints", "detection 0 has 2 keypoints, but kpt_oks_sigmas has 17");
    }

    @Test
    void eval_groundTruthKeypointCountDiffersFromSigmas_exit2NamingGroundTruthFileAndAnnotation()
            throws IOException {
        String seventeen = "[" + "1, 1, 2, ".repeat(16) + "1, 1, 2]";
        String dt = "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.9, \"keypoints\": " + seventeen + "}]";

        Run r = eval(GT.formatted(GOOD_KPS), dt, "keypoints");

        assertBadInput(r, "gt.json", "annotations[0].keypoints",
                "annotation 7 has 2 keypoints, but kpt_oks_sigmas has 17");
    }

    @Test
    void eval_segmResultWithoutSegmentation_exit2NamingResult() throws IOException {
        String dt = "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.9}]";

        Run r = eval(GT.formatted(GOOD_SEGM), dt, "segm");

        assertBadInput(r, "dt.json", "[0]", "missing required field 'segmentation' (segm evaluation)");
    }

    @Test
    void eval_keypointResultWithoutKeypoints_exit2NamingResult() throws IOException {
        String dt = "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.9}]";

        Run r = eval(GT.formatted(GOOD_KPS), dt, "keypoints");

        assertBadInput(r, "dt.json", "[0]", "missing required field 'keypoints' (keypoints evaluation)");
    }

    @Test
    void eval_unknownIouType_exit2() throws IOException {
        Run r = eval(GT.formatted(GOOD_SEGM), "[]", "masks");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--iou-type masks: expected bbox, segm or keypoints");
    }

    @Test
    void eval_goodSegmFiles_exit0() throws IOException {
        String dt = "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.9,"
                + " \"segmentation\": {\"counts\": [0, 4, 6, 4, 6, 4, 6, 4, 166], \"size\": [10, 20]}}]";

        Run r = eval(GT.formatted(GOOD_SEGM), dt, "segm");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("deteval COCO segm evaluation");
    }
}
