package dev.deteval.eval.io;

import static dev.deteval.eval.io.BadInput.assertAt;
import static dev.deteval.eval.io.BadInput.inputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image and category ids written as strings, which pycocotools accepts when both files use them: they
 * evaluate like numbers, ordered as Python sorts strings; ids whose type differs between or within the
 * files are errors that say so.
 */
final class CocoJsonReaderTextIdsTest {

    /**
     * Two images, one ground truth each. Image "9"'s detection misses, image "10"'s hits; both scores are
     * 0.5, so their order after the stable sort is the image order.
     */
    private static final String TIE_GT = """
            {"images": [{"id": "9", "width": 100, "height": 100}, {"id": "10", "width": 100, "height": 100}],
             "categories": [{"id": "cat", "name": "Cat"}],
             "annotations": [
               {"id": 1, "image_id": "9", "category_id": "cat", "bbox": [0, 0, 10, 10], "area": 100},
               {"id": 2, "image_id": "10", "category_id": "cat", "bbox": [0, 0, 10, 10], "area": 100}]}
            """;
    private static final String TIE_DT = """
            [{"image_id": "9", "category_id": "cat", "bbox": [50, 50, 10, 10], "score": 0.5},
             {"image_id": "10", "category_id": "cat", "bbox": [0, 0, 10, 10], "score": 0.5}]
            """;

    private static final String GT = """
            {"images": [{"id": "b", "width": 8, "height": 6}, {"id": "a", "width": 4, "height": 4}],
             "categories": [{"id": "dog", "name": "Dog"}, {"id": "cat", "name": "Cat"}],
             "annotations": [
               {"id": 1, "image_id": "b", "category_id": "dog", "bbox": [0, 0, 2, 2], "area": 4,
                "segmentation": [[0, 0, 2, 0, 2, 2, 0, 2]]},
               {"id": 2, "image_id": "a", "category_id": "cat", "bbox": [0, 0, 1, 1], "area": 1,
                "segmentation": [[0, 0, 1, 0, 1, 1, 0, 1]]}]}
            """;

    @TempDir
    Path dir;

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static GroundTruth gt(String json) {
        return new CocoJsonReader(IouType.SEGM).readGroundTruth(stream(json), "gt.json");
    }

    private static GroundTruth boxGt(String json) {
        return new CocoJsonReader().readGroundTruth(stream(json), "gt.json");
    }

    private CocoJsonReader.Inputs both(String gt, String dt) throws Exception {
        return new CocoJsonReader().readBoth(Files.writeString(dir.resolve("gt.json"), gt),
                Files.writeString(dir.resolve("dt.json"), dt));
    }

    @Test
    void readGroundTruth_stringIds_numberedInPythonOrderAndTextsKept() {
        GroundTruth g = gt(GT);

        assertThat(g.hasTextImageIds()).isTrue();
        assertThat(g.hasTextCategoryIds()).isTrue();
        // sorted(["b", "a"]) == ["a", "b"]; sorted(["dog", "cat"]) == ["cat", "dog"]
        assertThat(g.sortedImageIds()).containsExactly(1, 2);
        assertThat(g.imageIdText(1)).isEqualTo("a");
        assertThat(g.imageId(0)).as("images keep their file order").isEqualTo(2);
        assertThat(g.imageWidth(0)).isEqualTo(8);
        assertThat(g.categoryIdText(1)).isEqualTo("cat");
        assertThat(g.category(2).name()).isEqualTo("Dog");
        assertThat(g.imageIdColumn()).containsExactly(2, 1);
        assertThat(g.categoryIdColumn()).containsExactly(2, 1);
        assertThat(g.maskColumn()[0].width()).as("masks survive the numbering").isEqualTo(8);
        assertThat(g.maskColumn()[1].area()).isEqualTo(1);
    }

    @Test
    void readResults_stringIdsAgainstStringGroundTruth_getTheGroundTruthsNumbers() {
        GroundTruth g = gt(GT);

        Detections d = new CocoJsonReader(IouType.SEGM).readResults(stream("""
                [{"image_id": "a", "category_id": "dog", "bbox": [0, 0, 1, 1], "score": 0.5},
                 {"image_id": "b", "category_id": "cat", "bbox": [0, 0, 1, 1], "score": 0.5}]
                """), "dt.json", g);

        assertThat(d.imageIdColumn()).containsExactly(1, 2);
        assertThat(d.categoryIdColumn()).containsExactly(2, 1);
    }

    /** pycocotools sorts imgIds, and accumulate() breaks score ties by that order. */
    @Test
    void evaluate_tiedScoresOnStringImageIds_imageOrderIsPythonsStringOrder() throws Exception {
        CocoJsonReader.Inputs text = both(TIE_GT, TIE_DT);
        CocoResult textResult = CocoEvaluator.evaluate(text.groundTruth(), text.detections());
        String numericGt = TIE_GT.replace("\"9\"", "9").replace("\"10\"", "10").replace("\"cat\"", "1");
        String numericDt = TIE_DT.replace("\"9\"", "9").replace("\"10\"", "10").replace("\"cat\"", "1");
        CocoJsonReader.Inputs numbers = both(numericGt, numericDt);
        CocoResult numericResult = CocoEvaluator.evaluate(numbers.groundTruth(), numbers.detections());

        // "10" < "9": the hit comes first, precision 1 up to recall 1/2 (recall thresholds 0, .01, ..., .50)
        assertThat(textResult.summary().ap()).isCloseTo(51.0 / 101, within(1e-12));
        // 9 < 10: the miss comes first, precision 1/2 at recall 1/2, filled to the left
        assertThat(numericResult.summary().ap()).isCloseTo(51 * 0.5 / 101, within(1e-12));
    }

    @Test
    void readBoth_numberImageIdAgainstStringGroundTruth_rejectedNamingBothFiles() throws Exception {
        String dt = "[{\"image_id\": 9, \"category_id\": \"cat\", \"bbox\": [0, 0, 1, 1], \"score\": 0.5}]";

        InputException e = inputException(() -> both(TIE_GT, dt));

        assertThat(e.source()).isEqualTo(dir.resolve("dt.json").toString());
        assertAt(e, "[0].image_id", dt, "9");
        assertThat(e.problem()).startsWith("image id 9 is a number, but the ground truth "
                + dir.resolve("gt.json") + " names its images by strings; ids must have the same type in both files");
    }

    @Test
    void readBoth_stringCategoryAgainstNumberGroundTruth_rejectedSayingTypesDiffer() throws Exception {
        String gt = TIE_GT.replace("\"cat\"", "1");
        String dt = "[{\"image_id\": \"9\", \"category_id\": \"1\", \"bbox\": [0, 0, 1, 1], \"score\": 0.5}]";

        InputException e = inputException(() -> both(gt, dt));

        assertAt(e, "[0].category_id", dt, "\"1\"");
        assertThat(e.problem()).startsWith("category id \"1\" is a string, but the ground truth "
                + dir.resolve("gt.json") + " names its categories by numbers");
    }

    @Test
    void readBoth_stringImageIdAgainstNumberGroundTruth_rejected() throws Exception {
        String gt = TIE_GT.replace("\"9\"", "9").replace("\"10\"", "10");
        String dt = "[{\"image_id\": \"9\", \"category_id\": \"cat\", \"bbox\": [0, 0, 1, 1], \"score\": 0.5}]";

        InputException e = inputException(() -> both(gt, dt));

        assertAt(e, "[0].image_id", dt, "\"9\"");
        assertThat(e.problem()).startsWith("image id \"9\" is a string, but the ground truth");
    }

    @Test
    void readGroundTruth_numberAndStringImageIds_rejectedNamingTheFirstOfTheOtherType() {
        String json = TIE_GT.replace("{\"id\": \"10\"", "{\"id\": 10");

        InputException e = inputException(() -> boxGt(json));

        assertAt(e, "images[1].id", json, "10,");
        assertThat(e.problem()).isEqualTo("image id 10 is a number, but images[0].id is a string: image ids must be"
                + " all numbers or all strings (pycocotools tells 2299 from \"2299\" and cannot sort a mix)");
    }

    @Test
    void readGroundTruth_annotationCategoryOfOtherType_rejected() {
        String json = TIE_GT.replace("\"image_id\": \"10\", \"category_id\": \"cat\"",
                "\"image_id\": \"10\", \"category_id\": 1");

        InputException e = inputException(() -> boxGt(json));

        assertThat(e.location()).startsWith("annotations[1].category_id");
        assertThat(e.problem()).startsWith("category id 1 is a number, but categories[0].id is a string");
    }

    @Test
    void readGroundTruth_annotationOfUnknownStringImage_rejectedQuotingIt() {
        String json = TIE_GT.replace("\"image_id\": \"10\"", "\"image_id\": \"11\"");

        InputException e = inputException(() -> boxGt(json));

        assertThat(e.location()).startsWith("annotations[1].image_id");
        assertThat(e.problem()).isEqualTo("image \"11\" is not in 'images'");
    }

    @Test
    void readGroundTruth_duplicateStringImageId_rejectedQuotingIt() {
        String json = TIE_GT.replace("{\"id\": \"10\"", "{\"id\": \"9\"");

        InputException e = inputException(() -> boxGt(json));

        assertThat(e.location()).startsWith("images[1].id");
        assertThat(e.problem()).isEqualTo("duplicate image id \"9\"");
    }

    @Test
    void readGroundTruth_annotationOfUnknownStringCategory_warnsQuotingIt() {
        String json = TIE_GT.replace("\"image_id\": \"10\", \"category_id\": \"cat\"",
                "\"image_id\": \"10\", \"category_id\": \"dog\"");
        CocoJsonReader reader = new CocoJsonReader();

        GroundTruth g = reader.readGroundTruth(stream(json), "gt.json");

        assertThat(reader.warnings()).singleElement().asString()
                .contains("annotations[1].category_id \"dog\"").contains("not evaluated");
        assertThat(g.categories()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("Cat"));
    }

    /** Keypoints and num_keypoints survive the numbering of string ids. */
    @Test
    void evaluate_keypointsWithStringIds_sameAsWithNumbers() {
        String gt = """
                {"images": [{"id": "x", "width": 640, "height": 480}, {"id": "y", "width": 640, "height": 480}],
                 "categories": [{"id": "person", "name": "person"}],
                 "annotations": [
                   {"id": 1, "image_id": "y", "category_id": "person", "bbox": [100, 50, 40, 120], "area": 4800,
                    "keypoints": [120, 60, 2, 118, 165, 2], "num_keypoints": 2},
                   {"id": 2, "image_id": "x", "category_id": "person", "bbox": [10, 10, 40, 120], "area": 4800,
                    "keypoints": [30, 20, 2, 0, 0, 0], "num_keypoints": 1}]}
                """;
        String dt = """
                [{"image_id": "y", "category_id": "person", "score": 0.8, "keypoints": [121, 62, 1, 117, 163, 1]},
                 {"image_id": "x", "category_id": "person", "score": 0.8, "keypoints": [33, 25, 1, 40, 120, 1]}]
                """;
        CocoParams p = CocoParams.builder(CocoMode.COMPAT).optIouType(IouType.KEYPOINTS)
                .optKptOksSigmas(0.079, 0.089).build();
        // sorted(["x", "y"]) is the order of the numbers 1 (for "x") and 2 (for "y")
        String numericGt = gt.replace("\"x\"", "1").replace("\"y\"", "2").replace("\"person\", \"name",
                "1, \"name").replace("\"category_id\": \"person\"", "\"category_id\": 1");
        String numericDt = dt.replace("\"x\"", "1").replace("\"y\"", "2").replace("\"person\"", "1");

        CocoResult text = evaluate(gt, dt, p);
        CocoResult numbers = evaluate(numericGt, numericDt, p);

        assertThat(text.summary().stats()).containsExactly(numbers.summary().stats());
        assertThat(text.summary().ap()).isGreaterThan(0);
    }

    private static CocoResult evaluate(String gtJson, String dtJson, CocoParams p) {
        CocoJsonReader reader = new CocoJsonReader(IouType.KEYPOINTS);
        GroundTruth g = reader.readGroundTruth(stream(gtJson), "gt.json");
        return CocoEvaluator.evaluate(g, reader.readResults(stream(dtJson), "dt.json", g), p);
    }

    @Test
    void readResults_unknownStringImage_rejectedQuotingIt() {
        String dt = "[{\"image_id\": \"11\", \"category_id\": \"cat\", \"bbox\": [0, 0, 1, 1], \"score\": 0.5}]";

        InputException e = inputException(() -> new CocoJsonReader().readResults(stream(dt), "dt.json", boxGt(TIE_GT)));

        assertAt(e, "[0].image_id", dt, "\"11\"");
        assertThat(e.problem()).startsWith("image \"11\" is not in the ground truth");
    }

    @Test
    void evaluate_unknownStringCategory_leftOutWithWarning() throws Exception {
        String dt = TIE_DT.replace("[{\"image_id\": \"9\", \"category_id\": \"cat\"",
                "[{\"image_id\": \"9\", \"category_id\": \"dog\"");

        CocoJsonReader.Inputs in = both(TIE_GT, dt);
        CocoResult r = CocoEvaluator.evaluate(in.groundTruth(), in.detections());

        assertThat(r.warnings()).anyMatch(w -> w.startsWith("1 detection(s) name a category that is not in"));
        // only the hit is left: precision 1 up to recall 1/2
        assertThat(r.summary().ap()).isCloseTo(51.0 / 101, within(1e-12));
    }

    @Test
    void readResults_stringIdsWithoutGroundTruth_rejectedSayingItIsNeeded() {
        InputException e = inputException(() -> new CocoJsonReader().readResults(stream(TIE_DT), "dt.json", null));

        assertThat(e.location()).startsWith("[0].image_id");
        assertThat(e.problem()).contains("read the results against it");
    }

    /** Slices are parsed beside the ground truth, without its numbers: string ids are read again against it. */
    @Test
    void readBoth_largeResultsWithStringIds_equalsSequentialRead() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 3000; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"image_id\": \"").append(i % 2 == 0 ? "9" : "10")
                    .append("\", \"category_id\": \"cat\", \"bbox\": [").append(i % 7).append(", 1, 5, 5], \"score\": ")
                    .append((i % 89) / 89.0).append('}');
        }
        String text = json.append(']').toString();
        Path gtFile = Files.writeString(dir.resolve("gt.json"), TIE_GT);
        Path dtFile = Files.writeString(dir.resolve("dt.json"), text);

        CocoJsonReader reader = new CocoJsonReader(IouType.BBOX, ParallelResultsReadTest.FORCED);
        Detections parallel = reader.readBoth(gtFile, dtFile).detections();
        Detections sequential = new CocoJsonReader().readResults(stream(text), "dt.json", boxGt(TIE_GT));

        assertThat(reader.lastSliceCount()).as("slices parsed").isGreaterThan(1);
        assertThat(parallel.imageIdColumn()).isEqualTo(sequential.imageIdColumn()).startsWith(2, 1);
        assertThat(parallel.categoryIdColumn()).isEqualTo(sequential.categoryIdColumn());
        assertThat(parallel.boxColumn()).isEqualTo(sequential.boxColumn());
    }
}
