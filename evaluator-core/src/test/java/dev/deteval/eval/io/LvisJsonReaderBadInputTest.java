package dev.deteval.eval.io;

import static dev.deteval.eval.io.BadInput.assertAt;
import static dev.deteval.eval.io.BadInput.assertOnLine;
import static dev.deteval.eval.io.BadInput.inputException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.Frequency;
import dev.deteval.eval.coco.LvisGroundTruth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LVIS ground truth read by {@link LvisJsonReader}: the federated fields are read and required, and every
 * problem is an {@link InputException} naming the file, the JSON path with line and column, and what is
 * wrong.
 */
final class LvisJsonReaderBadInputTest {

    /** An LVIS ground truth; image 2 is {@code %1$s}, category 2 is {@code %2$s}. */
    private static final String GT = """
            {"images": [
              {"id": 1, "neg_category_ids": [2], "not_exhaustive_category_ids": []},
              %1$s
            ],
            "categories": [
              {"id": 1, "name": "cat", "frequency": "r"},
              %2$s
            ],
            "annotations": [
              {"id": 1, "image_id": 1, "category_id": 1, "bbox": [10, 10, 20, 20], "area": 400, "iscrowd": 1}
            ]}
            """;
    private static final String IMAGE = "{\"id\": 2, \"neg_category_ids\": [], \"not_exhaustive_category_ids\": [1]}";
    private static final String CATEGORY = "{\"id\": 2, \"name\": \"dog\", \"frequency\": \"f\"}";

    @TempDir
    Path dir;

    private static LvisGroundTruth read(String json) {
        return new LvisJsonReader().readGroundTruth(json.getBytes(StandardCharsets.UTF_8), "gt.json");
    }

    private static InputException error(String json) {
        InputException e = inputException(() -> read(json));
        assertThat(e.source()).isEqualTo("gt.json");
        return e;
    }

    @Test
    void readGroundTruth_goodFile_readsListsAndFrequencies() {
        LvisGroundTruth gt = read(GT.formatted(IMAGE, CATEGORY));

        assertThat(gt.negativeCategoryIds(1)).containsExactly(2);
        assertThat(gt.notExhaustiveCategoryIds(2)).containsExactly(1);
        assertThat(gt.frequency(1)).isEqualTo(Frequency.RARE);
        assertThat(gt.frequency(2)).isEqualTo(Frequency.FREQUENT);
        // lvis-api never reads iscrowd: the annotation is not a crowd
        assertThat(gt.groundTruth().crowdColumn()).containsExactly(false);
    }

    @Test
    void readGroundTruth_imageWithoutNegativeList_rejectedAtTheImage() {
        String json = GT.formatted("{\"id\": 2, \"not_exhaustive_category_ids\": []}", CATEGORY);

        InputException e = error(json);

        assertOnLine(e, "images[1]", 3);
        assertThat(e.problem()).isEqualTo("missing required field 'neg_category_ids' (LVIS)");
    }

    @Test
    void readGroundTruth_imageWithoutNotExhaustiveList_rejectedAtTheImage() {
        String json = GT.formatted("{\"id\": 2, \"neg_category_ids\": []}", CATEGORY);

        InputException e = error(json);

        assertOnLine(e, "images[1]", 3);
        assertThat(e.problem()).isEqualTo("missing required field 'not_exhaustive_category_ids' (LVIS)");
    }

    @Test
    void readGroundTruth_listIsNotAnArray_rejectedAtTheList() {
        String json = GT.formatted("{\"id\": 2, \"neg_category_ids\": 3, \"not_exhaustive_category_ids\": []}",
                CATEGORY);

        InputException e = error(json);

        assertAt(e, "images[1].neg_category_ids", json, "3, \"not_exhaustive");
        assertThat(e.problem()).isEqualTo("expected an array of category ids, got a number");
    }

    @Test
    void readGroundTruth_idInListIsNotAnInteger_rejectedAtTheElement() {
        String json = GT.formatted("{\"id\": 2, \"neg_category_ids\": [], \"not_exhaustive_category_ids\": [1, \"x\"]}",
                CATEGORY);

        InputException e = error(json);

        assertAt(e, "images[1].not_exhaustive_category_ids[1]", json, "\"x\"");
        assertThat(e.problem()).isEqualTo("expected an integer, got a string");
    }

    @Test
    void readGroundTruth_categoryWithoutFrequency_rejectedAtTheCategory() {
        String json = GT.formatted(IMAGE, "{\"id\": 2, \"name\": \"dog\"}");

        InputException e = error(json);

        assertOnLine(e, "categories[1]", 7);
        assertThat(e.problem()).startsWith("missing required field 'frequency'");
    }

    @Test
    void readGroundTruth_unknownFrequency_rejectedAtTheValue() {
        String json = GT.formatted(IMAGE, "{\"id\": 2, \"name\": \"dog\", \"frequency\": \"rare\"}");

        InputException e = error(json);

        assertAt(e, "categories[1].frequency", json, "\"rare\"");
        assertThat(e.problem()).isEqualTo("frequency must be \"r\", \"c\" or \"f\", got \"rare\"");
    }

    @Test
    void readGroundTruth_listGivenTwice_rejected() {
        String json = GT.formatted("{\"id\": 2, \"neg_category_ids\": [], \"neg_category_ids\": [1],"
                + " \"not_exhaustive_category_ids\": []}", CATEGORY);

        InputException e = error(json);

        assertAt(e, "images[1].neg_category_ids", json, "[1]");
        assertThat(e.problem()).isEqualTo("member 'neg_category_ids' appears twice in one object");
    }

    @Test
    void readBoth_resultOnUnknownImage_namesResultsFileAndPlace() {
        Path gt = BadInput.write(dir, "gt.json", GT.formatted(IMAGE, CATEGORY));
        String results = "[\n  {\"image_id\": 7, \"category_id\": 1, \"bbox\": [1, 1, 2, 2], \"score\": 0.5}\n]\n";
        Path dt = BadInput.write(dir, "dt.json", results);

        InputException e = inputException(() -> new LvisJsonReader().readBoth(gt, dt));

        assertThat(e.source()).isEqualTo(dt.toString());
        assertOnLine(e, "[0].image_id", 2);
        assertThat(e.problem()).contains("image 7").contains("not in the ground truth");
    }

    @Test
    void readGroundTruth_missingFile_namesIt() {
        Path missing = dir.resolve("nope.json");

        InputException e = inputException(() -> new LvisJsonReader().readGroundTruth(missing));

        assertThat(e.source()).isEqualTo(missing.toString());
        assertThat(e.problem()).isEqualTo("file not found");
    }
}
