package dev.deteval.eval.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.cli.Main;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.io.CocoJsonReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SyntheticKeypointsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void write_sameSeed_givesSameBytes(@TempDir Path dir) throws IOException {
        new SyntheticKeypoints(50, 4).write(dir.resolve("a"));
        new SyntheticKeypoints(50, 4).write(dir.resolve("b"));
        for (String file : List.of("instances.json", "detections.json")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void write_otherSeed_givesOtherData(@TempDir Path dir) throws IOException {
        new SyntheticKeypoints(50, 4).write(dir.resolve("a"));
        new SyntheticKeypoints(50, 5).write(dir.resolve("b"));
        assertThat(Files.readAllBytes(dir.resolve("a/detections.json")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("b/detections.json")));
    }

    @Test
    void write_personCategory_hasCocoKeypointNamesAndSkeleton(@TempDir Path dir) throws IOException {
        new SyntheticKeypoints(3, 1).write(dir);
        JsonNode categories = read(dir.resolve("instances.json")).get("categories");

        assertThat(categories).hasSize(1);
        JsonNode person = categories.get(0);
        assertThat(person.get("id").asLong()).isEqualTo(1);
        assertThat(person.get("name").asText()).isEqualTo("person");
        assertThat(person.get("keypoints")).hasSize(17);
        assertThat(person.get("keypoints").get(0).asText()).isEqualTo("nose");
        assertThat(person.get("keypoints").get(16).asText()).isEqualTo("right_ankle");
        // COCO's skeleton has 19 bones between keypoints numbered 1..17
        assertThat(person.get("skeleton")).hasSize(19);
        for (JsonNode bone : person.get("skeleton")) {
            assertThat(bone.get(0).asInt()).isBetween(1, 17);
            assertThat(bone.get(1).asInt()).isBetween(1, 17);
        }
    }

    @Test
    void write_groundTruth_keypointsConsistentWithCountBoxAndCrowd(@TempDir Path dir) throws IOException {
        new SyntheticKeypoints(300, 6).write(dir);
        JsonNode annotations = read(dir.resolve("instances.json")).get("annotations");
        int none = 0;
        int crowd = 0;
        int hidden = 0;
        for (JsonNode ann : annotations) {
            JsonNode kps = ann.get("keypoints");
            double[] box = {ann.get("bbox").get(0).asDouble(), ann.get("bbox").get(1).asDouble(),
                ann.get("bbox").get(2).asDouble(), ann.get("bbox").get(3).asDouble()};
            assertThat(kps).hasSize(3 * 17);
            int labelled = 0;
            for (int i = 0; i < 17; i++) {
                int v = kps.get(3 * i + 2).asInt();
                assertThat(v).isBetween(0, 2);
                if (v == 0) {
                    // unlabelled points are written 0, 0, 0 as in COCO
                    assertThat(kps.get(3 * i).asDouble()).isZero();
                    assertThat(kps.get(3 * i + 1).asDouble()).isZero();
                    continue;
                }
                labelled++;
                hidden += v == 1 ? 1 : 0;
                // labelled points lie in the box (whole pixels; the box is rounded to 0.01)
                assertThat(kps.get(3 * i).asDouble()).isBetween(box[0] - 0.01, box[0] + box[2] + 0.01);
                assertThat(kps.get(3 * i + 1).asDouble()).isBetween(box[1] - 0.01, box[1] + box[3] + 0.01);
            }
            assertThat(ann.get("num_keypoints").asInt()).isEqualTo(labelled);
            assertThat(ann.get("area").asDouble()).isPositive().isLessThanOrEqualTo(box[2] * box[3]);
            if (ann.get("iscrowd").asInt() == 1) {
                crowd++;
                assertThat(labelled).as("crowd regions have no keypoints").isZero();
            }
            none += labelled == 0 ? 1 : 0;
        }
        int n = annotations.size();
        // Poisson(4.1) people on 300 images: the mean of 300 draws lies well within 3.7..4.5
        assertThat(n / 300.0).isBetween(3.7, 4.5);
        assertThat((double) none / n).as("share without labelled keypoints").isBetween(0.3, 0.55);
        assertThat((double) crowd / n).as("share of crowd regions").isBetween(0.001, 0.03);
        assertThat(hidden).as("some labelled but hidden points (v = 1)").isPositive();
    }

    @Test
    void write_results_atMost20PerImageWith17KeypointsAndNoBox(@TempDir Path dir) throws IOException {
        SyntheticCoco.Written w = new SyntheticKeypoints(200, 7).write(dir);
        JsonNode results = read(dir.resolve("detections.json"));
        Map<Long, Integer> perImage = new HashMap<>();
        for (JsonNode r : results) {
            perImage.merge(r.get("image_id").asLong(), 1, Integer::sum);
            assertThat(r.get("category_id").asLong()).isEqualTo(1);
            assertThat(r.get("keypoints")).hasSize(3 * 17);
            assertThat(r.has("bbox")).isFalse();
            assertThat(r.get("score").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(results.size()).isEqualTo(w.detections());
        assertThat(perImage.values()).allSatisfy(count -> assertThat(count).isBetween(1, 20));
    }

    @Test
    void write_evaluatedAsKeypoints_givesMiddlingAp(@TempDir Path dir) {
        new SyntheticKeypoints(300, 8).write(dir);
        CocoJsonReader.Inputs in = new CocoJsonReader(IouType.KEYPOINTS).readBoth(dir.resolve("instances.json"),
                dir.resolve("detections.json"));
        CocoResult result = CocoEvaluator.evaluate(in.groundTruth(), in.detections(),
                CocoParams.builder(CocoMode.COMPAT).optIouType(IouType.KEYPOINTS).build());

        // a benchmark needs every outcome: neither nothing matched nor everything
        assertThat(result.summary().ap()).isBetween(0.1, 0.9);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void new_imagesOutOfRange_isRejected() {
        assertThatThrownBy(() -> new SyntheticKeypoints(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--images");
    }

    @Test
    void synth_keypointsOption_writesFilesTheSameAsTheLibrary(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"synth", "--keypoints", "--images", "12", "--seed", "2", "--out",
            dir.resolve("cli").toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        new SyntheticKeypoints(12, 2).write(dir.resolve("lib"));

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("wrote 12 images");
        assertThat(Files.readAllBytes(dir.resolve("cli/detections.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("lib/detections.json")));
    }

    @Test
    void synth_keypointsWithSegm_isBadUsage(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"synth", "--keypoints", "--segm", "--images", "2", "--out", dir.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--keypoints");
        assertThat(dir.resolve("instances.json")).doesNotExist();
    }

    private static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }
}
