package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The start-up warm-up of {@code eval}: its embedded data reads cleanly, and it starts only when it helps. */
final class JitWarmupTest {

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = JitWarmup.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void round_embeddedData_readsEveryResultAgainstItsGroundTruth() throws IOException {
        JsonNode results = resource("warmup/detections.json");
        JsonNode images = resource("warmup/instances.json").get("images");

        Detections read = JitWarmup.embedded().round();

        // the reader checks every result's image against the ground truth: a mismatch would throw
        assertThat(read.size()).isEqualTo(results.size()).isPositive();
        assertThat(images.size()).isEqualTo(20);
    }

    @Test
    void round_embeddedKeypointData_readsEveryResultWithItsKeypoints() throws IOException {
        JsonNode results = resource("warmup/keypoints-detections.json");

        Detections read = JitWarmup.embedded(IouType.KEYPOINTS).round();

        assertThat(read.size()).isEqualTo(results.size()).isPositive();
        assertThat(read.keypoints().count(0)).isEqualTo(results.get(0).get("keypoints").size() / 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval --iou-type keypoints --gt g --dt d", "eval --gt g --dt d --iou-type=keypoints"})
    void typeOf_keypointsAsked_isKeypoints(String line) {
        assertThat(JitWarmup.typeOf(line.split(" "))).isEqualTo(IouType.KEYPOINTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval --gt g --dt d", "eval --iou-type bbox --gt g --dt d", "eval --gt keypoints",
        "eval --iou-type"})
    void typeOf_otherwise_isBbox(String line) {
        assertThat(JitWarmup.typeOf(line.split(" "))).isEqualTo(IouType.BBOX);
    }

    @Test
    void run_budgetAlreadySpent_doesOneRound() {
        assertThat(JitWarmup.embedded().run(0)).isEqualTo(1);
    }

    @Test
    void run_budgetOfSomeRounds_repeatsUntilSpent() {
        JitWarmup warmup = JitWarmup.embedded();
        long start = System.nanoTime();
        int rounds = warmup.run(50_000_000L);
        assertThat(rounds).isGreaterThanOrEqualTo(1);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(50_000_000L);
    }

    @Test
    void helps_cocoEvalOnTwoCores_isTrue() {
        assertThat(JitWarmup.helps(new String[] {"eval", "--gt", "gt.json", "--dt", "dt.json"}, 2)).isTrue();
        assertThat(JitWarmup.helps(new String[] {"eval", "--gt", "gt.json", "--dt", "dt.json", "--protocol",
            "coco", "--iou-type", "segm"}, 8)).isTrue();
    }

    @Test
    void helps_singleCore_isFalse() {
        assertThat(JitWarmup.helps(new String[] {"eval", "--gt", "gt.json", "--dt", "dt.json"}, 1)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nms", "synth", "help", "--help", "eval --help", "eval -h", "eval --version",
        "eval -V", "eval --gt devkit --dt dets --protocol voc07", "eval --gt devkit --dt dets --protocol=voc12"})
    void helps_notACocoEvaluation_isFalse(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThat(JitWarmup.helps(args, 2)).isFalse();
    }

    @Test
    void round_embeddedSegmData_readsEveryResultWithItsMask() throws IOException {
        JsonNode results = resource("warmup/segm-detections.json");

        Detections read = JitWarmup.embedded(IouType.SEGM).round();

        assertThat(read.size()).isEqualTo(results.size()).isPositive();
        assertThat(read.maskColumn()).doesNotContainNull();
    }

    @Test
    void typeOf_iouTypeSegmInEitherForm_isSegm() {
        assertThat(JitWarmup.typeOf(new String[] {"eval", "--iou-type", "segm", "--gt", "g"})).isEqualTo(IouType.SEGM);
        assertThat(JitWarmup.typeOf(new String[] {"eval", "--iou-type=segm"})).isEqualTo(IouType.SEGM);
    }

    @Test
    void typeOf_otherOrNoIouType_isBbox() {
        assertThat(JitWarmup.typeOf(new String[] {"eval", "--iou-type", "bbox"})).isEqualTo(IouType.BBOX);
        assertThat(JitWarmup.typeOf(new String[] {"eval", "--gt", "segm"})).isEqualTo(IouType.BBOX);
        assertThat(JitWarmup.typeOf(new String[] {"eval", "--iou-type"})).isEqualTo(IouType.BBOX);
    }
}
