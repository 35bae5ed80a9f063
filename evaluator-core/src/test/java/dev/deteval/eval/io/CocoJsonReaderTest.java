package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Good input to {@link CocoJsonReader} (bad input: {@code CocoJsonReaderBadInputTest}). */
final class CocoJsonReaderTest {

    /** 2^53 and 2^53 + 1: the same number once converted to a double. */
    private static final long TWO_POW_53 = 9007199254740992L;

    @TempDir
    Path dir;

    /**
     * Ids use all 64 bits. The two images differ only beyond double precision, and each detection sits
     * exactly on the ground truth of the other image: kept apart, both are false positives (AP 0); an
     * id read through a double would merge the images and make both true positives (AP 1).
     */
    @Test
    void readGroundTruthAndResults_idsBeyondDoublePrecision_keptDistinct() {
        long a = TWO_POW_53;
        long b = TWO_POW_53 + 1;
        long cat = Long.MAX_VALUE;
        Path gtFile = BadInput.write(dir, "gt.json", """
                {"images": [{"id": %d}, {"id": %d}, {"id": %d}],
                 "categories": [{"id": %d, "name": "big"}],
                 "annotations": [
                  {"id": %d, "image_id": %d, "category_id": %d, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0},
                  {"id": %d, "image_id": %d, "category_id": %d, "bbox": [50, 50, 10, 10], "area": 100, "iscrowd": 0}]}
                """.formatted(a, b, Long.MIN_VALUE, cat, Long.MAX_VALUE - 1, a, cat, Long.MAX_VALUE, b, cat));
        Path dtFile = BadInput.write(dir, "dt.json", """
                [{"image_id": %d, "category_id": %d, "bbox": [50, 50, 10, 10], "score": 0.9},
                 {"image_id": %d, "category_id": %d, "bbox": [0, 0, 10, 10], "score": 0.8}]
                """.formatted(a, cat, b, cat));
        CocoJsonReader reader = new CocoJsonReader();

        GroundTruth gt = reader.readGroundTruth(gtFile);
        Detections dt = reader.readResults(dtFile, gt);
        CocoResult result = CocoEvaluator.evaluate(gt, dt);

        assertThat(gt.sortedImageIds()).containsExactly(Long.MIN_VALUE, a, b);
        assertThat(gt.annotationIdColumn()).containsExactly(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(gt.category(cat).name()).isEqualTo("big");
        assertThat(dt.imageIdColumn()).containsExactly(a, b);
        assertThat(dt.categoryIdColumn()).containsExactly(cat, cat);
        assertThat(result.summary().ap50()).isZero();
        assertThat(result.perCategory().get(0).id()).isEqualTo(cat);
    }

    /** Bytes in memory read as their file does; errors name the source given instead of a file. */
    @Test
    void readResults_optionalTime_readWhereGivenNullOrAbsentIsNaN() {
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(("{\"images\": [{\"id\": 1}], \"categories\": [{\"id\": 1}],"
                + " \"annotations\": []}").getBytes(StandardCharsets.UTF_8), "memory:gt");
        Detections dt = reader.readResults(("[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1],"
                + " \"score\": 1, \"time\": 12.5}, {\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1],"
                + " \"score\": 1, \"time\": null}, {\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1],"
                + " \"score\": 1}]").getBytes(StandardCharsets.UTF_8), "memory:dt", gt);
        assertThat(dt.timeColumn()).containsExactly(12.5, Double.NaN, Double.NaN);
        byte[] twice = "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1], \"score\": 1, \"time\": 1, \"time\": 2}]"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.readResults(twice, "memory:dt", gt)).isInstanceOf(InputException.class)
                .hasMessageContaining("[0].time").hasMessageContaining("appears twice");
    }

    @Test
    void readFromBytes_sameContentAsFiles_sameColumns() throws IOException {
        Path gtFile = BadInput.write(dir, "gt.json", """
                {"images": [{"id": 3}, {"id": 1}], "categories": [{"id": 7, "name": "cat"}],
                 "annotations": [{"id": 5, "image_id": 3, "category_id": 7, "bbox": [1, 2, 3, 4], "iscrowd": 1},
                                 {"id": 6, "image_id": 1, "category_id": 7, "bbox": [0, 0, 2, 2], "area": 3.5}]}
                """);
        Path dtFile = BadInput.write(dir, "dt.json", """
                [{"image_id": 1, "category_id": 7, "bbox": [0, 0, 2, 2], "score": 0.5},
                 {"image_id": 3, "category_id": 9, "bbox": [1, 1, 1, 1], "score": 0.25}]
                """);
        GroundTruth fromFile = new CocoJsonReader().readGroundTruth(gtFile);
        Detections dtFromFile = new CocoJsonReader().readResults(dtFile, fromFile);

        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(Files.readAllBytes(gtFile), "memory:gt");
        Detections dt = reader.readResults(Files.readAllBytes(dtFile), "memory:dt", gt);

        assertThat(gt.sortedImageIds()).containsExactly(fromFile.sortedImageIds());
        assertThat(gt.annotationIdColumn()).containsExactly(fromFile.annotationIdColumn());
        assertThat(gt.areaColumn()).containsExactly(fromFile.areaColumn());
        assertThat(gt.crowdColumn()).containsExactly(fromFile.crowdColumn());
        assertThat(dt.imageIdColumn()).containsExactly(dtFromFile.imageIdColumn());
        assertThat(dt.categoryIdColumn()).containsExactly(dtFromFile.categoryIdColumn());
        assertThat(dt.scoreColumn()).containsExactly(dtFromFile.scoreColumn());
        byte[] unknownImage = "[{\"image_id\": 2, \"category_id\": 7, \"bbox\": [0, 0, 1, 1], \"score\": 1}]"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.readResults(unknownImage, "memory:dt", gt))
                .isInstanceOf(InputException.class).hasMessageContaining("memory:dt").hasMessageContaining("[0]")
                .hasMessageContaining("image 2 is not in the ground truth");
    }

    /** Issue 14: 857 annotations of unknown categories once printed 857 warning lines. */
    @Test
    void readGroundTruth_manyAnnotationsOfUnknownCategories_oneSummaryWarning() {
        StringBuilder annotations = new StringBuilder();
        for (int i = 1; i <= 857; i++) {
            annotations.append(i > 1 ? "," : "").append("{\"id\": ").append(i).append(", \"image_id\": 1,"
                    + " \"category_id\": ").append(i == 1 ? 1 : 99).append(", \"bbox\": [0, 0, 1, 1], \"area\": 1,"
                    + " \"iscrowd\": 0}");
        }
        Path gtFile = BadInput.write(dir, "gt.json", "{\"images\": [{\"id\": 1}], \"categories\": [{\"id\": 1,"
                + " \"name\": \"cat\"}], \"annotations\": [" + annotations + "]}");
        CocoJsonReader reader = new CocoJsonReader();

        reader.readGroundTruth(gtFile);

        assertThat(reader.warnings()).containsExactly(gtFile + ": 856 annotation(s) name a category that is not in"
                + " 'categories' (first: annotations[1].category_id 99, annotations[2].category_id 99,"
                + " annotations[3].category_id 99, …); they are not evaluated (pycocotools drops them too)");
    }
}
