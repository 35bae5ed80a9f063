package dev.deteval.eval.io;

import static dev.deteval.eval.io.BadInput.ANNOTATION_LINE;
import static dev.deteval.eval.io.BadInput.DETECTION_LINE;
import static dev.deteval.eval.io.BadInput.GOOD_GT;
import static dev.deteval.eval.io.BadInput.GT_WITH_ANNOTATION;
import static dev.deteval.eval.io.BadInput.GT_WITH_CATEGORY;
import static dev.deteval.eval.io.BadInput.GT_WITH_IMAGE;
import static dev.deteval.eval.io.BadInput.RESULTS_WITH_DETECTION;
import static dev.deteval.eval.io.BadInput.assertAt;
import static dev.deteval.eval.io.BadInput.assertOnLine;
import static dev.deteval.eval.io.BadInput.assertPlain;
import static dev.deteval.eval.io.BadInput.inputException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad COCO JSON at the reader: every problem is an {@link InputException} naming the file
 * ({@code source()}), the place ({@code location()}: JSON path with line and column, or only line and
 * column for malformed JSON) and the problem in words. Nothing is silently dropped.
 */
final class CocoJsonReaderBadInputTest {

    @TempDir
    Path dir;

    private final CocoJsonReader reader = new CocoJsonReader();

    private InputException groundTruthError(String json) {
        Path file = BadInput.write(dir, "gt.json", json);
        InputException e = inputException(() -> reader.readGroundTruth(file));
        assertThat(e.source()).isEqualTo(file.toString());
        assertPlain(e);
        return e;
    }

    private InputException annotationError(String annotation) {
        return groundTruthError(GT_WITH_ANNOTATION.formatted(annotation));
    }

    private InputException resultsError(String json) {
        GroundTruth gt = reader.readGroundTruth(BadInput.write(dir, "gt.json", GOOD_GT));
        Path file = BadInput.write(dir, "dt.json", json);
        InputException e = inputException(() -> reader.readResults(file, gt));
        assertThat(e.source()).isEqualTo(file.toString());
        assertPlain(e);
        return e;
    }

    private InputException detectionError(String detection) {
        return resultsError(RESULTS_WITH_DETECTION.formatted(detection));
    }

    // ---- files -----------------------------------------------------------------------------------------

    @Test
    void readGroundTruth_missingFile_fileNotFound() {
        Path file = dir.resolve("missing.json");

        InputException e = inputException(() -> reader.readGroundTruth(file));

        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.location()).isEmpty();
        assertThat(e.problem()).isEqualTo("file not found");
        assertPlain(e);
    }

    @Test
    void readResults_missingFile_fileNotFound() {
        Path file = dir.resolve("missing-dt.json");

        InputException e = inputException(() -> reader.readResults(file, null));

        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.problem()).isEqualTo("file not found");
    }

    @Test
    void readGroundTruth_directory_saysItIsADirectory() {
        InputException e = inputException(() -> reader.readGroundTruth(dir));

        assertThat(e.source()).isEqualTo(dir.toString());
        assertThat(e.location()).isEmpty();
        assertThat(e.problem()).isEqualTo("is a directory, expected a JSON file");
        assertPlain(e);
    }

    /** A path through a regular file cannot be opened, even by root (unlike a file without read bits). */
    @Test
    void readGroundTruth_pathThroughAFile_cannotBeReadWithTheReason() {
        Path file = BadInput.write(dir, "plain.txt", "x").resolve("gt.json");

        InputException e = inputException(() -> reader.readGroundTruth(file));

        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.location()).isEmpty();
        assertThat(e.problem()).isEqualTo("cannot be read: Not a directory");
        assertPlain(e);
    }

    @Test
    void readGroundTruth_streamFailsWhileReading_cannotBeRead() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device error");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("device error");
            }
        };

        InputException e = inputException(() -> reader.readGroundTruth(failing, "gt.json"));

        assertThat(e.source()).isEqualTo("gt.json");
        assertThat(e.problem()).isEqualTo("cannot be read: device error");
        assertPlain(e);
    }

    // ---- malformed and truncated JSON ------------------------------------------------------------------

    @Test
    void readGroundTruth_emptyFile_expectedAnObject() {
        InputException e = groundTruthError("");

        assertThat(e.location()).startsWith("$");
        assertThat(e.problem()).isEqualTo("expected a JSON object with images, annotations and categories, got end of"
                + " input");
    }

    @Test
    void readGroundTruth_misplacedCloseMarker_malformedAtLineAndColumn() {
        String json = "{\"images\": [\n  {\"id\": 1}\n} ]";

        InputException e = groundTruthError(json);

        assertThat(e.location()).isEqualTo(BadInput.at(json, "} ]"));
        assertThat(e.problem()).startsWith("malformed JSON: ").contains("'}'");
    }

    @Test
    void readGroundTruth_trailingCommaInObject_malformedAtLineAndColumn() {
        String json = GT_WITH_ANNOTATION.formatted("{\"id\": 2, \"image_id\": 1,}");

        InputException e = groundTruthError(json);

        assertThat(e.location()).isEqualTo(BadInput.atEndOf(json, ",}"));
        assertThat(e.problem()).startsWith("malformed JSON: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"images\": [", "{\"images\": [{\"id\": 1}", "{\"images\": [{\"id\": 1}],",
        "{\"images\": [{\"id\": 1}], \"annotations\": [{\"id\": 1, ", "{\"images\": [{\"id\": 1, \"file_name\": \"a.j"})
    void readGroundTruth_truncated_malformedAtEndOfInput(String json) {
        InputException e = groundTruthError(json);

        assertThat(e.location()).isEqualTo("line 1, column " + (json.length() + 1));
        assertThat(e.problem()).startsWith("malformed JSON: ").containsIgnoringCase("end-of-input");
    }

    @Test
    void readResults_truncated_malformedAtEndOfInput() {
        String json = RESULTS_WITH_DETECTION.formatted("{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2");
        json = json.substring(0, json.indexOf("[1, 2") + 5);

        InputException e = resultsError(json);

        assertThat(e.location()).startsWith("line " + DETECTION_LINE + ", column ");
        assertThat(e.problem()).startsWith("malformed JSON: ").containsIgnoringCase("end-of-input");
    }

    @Test
    void readGroundTruth_arrayAtTopLevel_expectedAnObject() {
        InputException e = groundTruthError("[]");

        assertThat(e.location()).isEqualTo("$ (line 1, column 1)");
        assertThat(e.problem()).isEqualTo("expected a JSON object with images, annotations and categories, got an"
                + " array");
    }

    @Test
    void readGroundTruth_contentAfterTheObject_rejected() {
        String json = GOOD_GT + "{}";

        InputException e = groundTruthError(json);

        assertThat(e.location()).isEqualTo("$ (" + BadInput.at(json, "{}") + ")");
        assertThat(e.problem()).isEqualTo("unexpected content after the top-level object");
    }

    @Test
    void readResults_garbageAfterTheList_malformed() {
        String json = "[]\nnot json";

        InputException e = resultsError(json);

        assertThat(e.location()).isEqualTo(BadInput.at(json, "not"));
        assertThat(e.problem()).startsWith("malformed JSON: ");
    }

    // ---- missing required members and fields -----------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"annotations\": [], \"categories\": []}|images",
        "{\"images\": [], \"categories\": []}|annotations",
        "{\"images\": [], \"annotations\": []}|categories"})
    void readGroundTruth_missingTopLevelMember_named(String json, String member) {
        InputException e = groundTruthError(json);

        assertThat(e.location()).isEqualTo("$");
        assertThat(e.problem()).isEqualTo("missing required member '" + member + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|id",
        "{\"id\": 2, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|image_id",
        "{\"id\": 2, \"image_id\": 1, \"bbox\": [0, 0, 5, 5]}|category_id",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"segmentation\": [[0, 0, 5, 0, 5, 5]]}|bbox"})
    void readGroundTruth_annotationMissingField_namedWithPath(String annotation, String field) {
        InputException e = annotationError(annotation);

        assertOnLine(e, "annotations[1]", ANNOTATION_LINE);
        assertThat(e.problem()).isEqualTo("missing required field '" + field + "'");
    }

    @Test
    void readGroundTruth_imageWithoutId_namedWithPath() {
        InputException e = groundTruthError(GT_WITH_IMAGE.formatted("{\"file_name\": \"b.jpg\"}"));

        assertOnLine(e, "images[1]", 3);
        assertThat(e.problem()).isEqualTo("missing required field 'id'");
    }

    @Test
    void readGroundTruth_categoryWithoutId_namedWithPath() {
        InputException e = groundTruthError(GT_WITH_CATEGORY.formatted("{\"name\": \"dog\"}"));

        assertOnLine(e, "categories[1]", 4);
        assertThat(e.problem()).isEqualTo("missing required field 'id'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": 0.5}|image_id",
        "{\"image_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": 0.5}|category_id",
        "{\"image_id\": 1, \"category_id\": 1, \"score\": 0.5}|bbox",
        "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|score"})
    void readResults_detectionMissingField_namedWithPath(String detection, String field) {
        InputException e = detectionError(detection);

        assertOnLine(e, "[1]", DETECTION_LINE);
        assertThat(e.problem()).isEqualTo("missing required field '" + field + "'");
    }

    @Test
    void readResults_objectWithoutAnnotations_rejected() {
        InputException e = resultsError("{\"info\": {}}");

        assertThat(e.location()).startsWith("$ (line 1, column ");
        assertThat(e.problem()).isEqualTo("expected a JSON array of detections or an object with 'annotations'");
    }

    // ---- wrong types -----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\": \"two\", \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|annotations[1].id|\"two\"|expected an integer, got a string",
        "{\"id\": 2.5, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|annotations[1].id|2.5|expected an integer, got 2.5",
        "{\"id\": 2, \"image_id\": [1], \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|annotations[1].image_id|[1]|expected an integer or a string, got an array",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": null, \"bbox\": [0, 0, 5, 5]}|annotations[1].category_id|null|expected an integer or a string, got null",
        "{\"id\": 99999999999999999999, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|annotations[1].id|999|integer 99999999999999999999 is too large (ids must fit in 64 bits)",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": {\"x\": 0}}|annotations[1].bbox|{\"x\"|expected an array of 4 numbers [x, y, w, h], got an object",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": \"0 0 5 5\"}|annotations[1].bbox|\"0 0|expected an array of 4 numbers [x, y, w, h], got a string",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, \"0\", 5, 5]}|annotations[1].bbox[1]|\"0\"|expected a number, got a string",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"area\": \"25\"}|annotations[1].area|\"25\"|expected a number, got a string",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"iscrowd\": \"no\"}|annotations[1].iscrowd|\"no\"|expected 0, 1, true or false, got a string",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"ignore\": [0]}|annotations[1].ignore|[0]|expected 0, 1, true or false, got an array"})
    void readGroundTruth_annotationFieldOfWrongType_namedAtTheValue(String annotation, String path, String marker,
            String problem) {
        String json = GT_WITH_ANNOTATION.formatted(annotation);

        InputException e = groundTruthError(json);

        assertAt(e, path, json, marker);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\": true}|images[1].id|true|expected an integer or a string, got a boolean",
        "{\"id\": 2, \"width\": \"640\"}|images[1].width|\"640\"|expected an integer, got a string",
        "{\"id\": 2, \"height\": 4.5}|images[1].height|4.5|expected an integer, got 4.5",
        "{\"id\": 2, \"file_name\": 7}|images[1].file_name|7|expected a string, got a number"})
    void readGroundTruth_imageFieldOfWrongType_namedAtTheValue(String image, String path, String marker,
            String problem) {
        String json = GT_WITH_IMAGE.formatted(image);

        InputException e = groundTruthError(json);

        assertAt(e, path, json, marker);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @Test
    void readGroundTruth_categoryNameNotAString_namedAtTheValue() {
        String json = GT_WITH_CATEGORY.formatted("{\"id\": 2, \"name\": {\"en\": \"dog\"}}");

        InputException e = groundTruthError(json);

        assertAt(e, "categories[1].name", json, "{\"en\"");
        assertThat(e.problem()).isEqualTo("expected a string, got an object");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"images\": {}, \"annotations\": [], \"categories\": []}|images|{}|expected an array, got an object",
        "{\"images\": [], \"annotations\": 3, \"categories\": []}|annotations|3|expected an array, got a number",
        "{\"images\": [1], \"annotations\": [], \"categories\": []}|images[0]|1|expected an object, got a number",
        "{\"images\": [], \"annotations\": [], \"categories\": [\"cat\"]}|categories[0]|\"cat\"|expected an object, got a string"})
    void readGroundTruth_sectionOfWrongType_namedAtTheValue(String json, String path, String marker, String problem) {
        InputException e = groundTruthError(json);

        assertAt(e, path, json, marker);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"image_id\": [1], \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": 0.5}|[1].image_id|[1]|expected an integer or a string, got an array",
        "{\"image_id\": 1, \"category_id\": 1.5, \"bbox\": [0, 0, 5, 5], \"score\": 0.5}|[1].category_id|1.5|expected an integer, got 1.5",
        "{\"image_id\": 1, \"category_id\": 1, \"bbox\": null, \"score\": 0.5}|[1].bbox|null|expected an array of 4 numbers [x, y, w, h], got null",
        "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": \"high\"}|[1].score|\"high\"|expected a number, got a string",
        "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": true}|[1].score|true|expected a number, got a boolean"})
    void readResults_fieldOfWrongType_namedAtTheValue(String detection, String path, String marker, String problem) {
        String json = RESULTS_WITH_DETECTION.formatted(detection);

        InputException e = resultsError(json);

        assertAt(e, path, json, marker);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5|$|5|expected a JSON array of detections, got a number",
        "\"dt\"|$|\"dt\"|expected a JSON array of detections, got a string",
        "[7]|[0]|7|expected an object, got a number",
        "{\"annotations\": {}}|annotations|{}|expected an array of detections, got an object"})
    void readResults_listOfWrongType_namedAtTheValue(String json, String path, String marker, String problem) {
        InputException e = resultsError(json);

        assertAt(e, path, json, marker);
        assertThat(e.problem()).isEqualTo(problem);
    }

    // ---- non-finite numbers ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", "-1e999"})
    void readGroundTruth_nonFiniteBoxValue_namedAtTheValue(String number) {
        String json = GT_WITH_ANNOTATION.formatted(
                "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, " + number + ", 5]}");

        InputException e = groundTruthError(json);

        assertAt(e, "annotations[1].bbox[2]", json, number + ", 5]");
        assertThat(e.problem()).isEqualTo("number " + number + " is not finite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1e999"})
    void readGroundTruth_nonFiniteArea_namedAtTheValue(String number) {
        String json = GT_WITH_ANNOTATION.formatted(
                "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"area\": " + number + "}");

        InputException e = groundTruthError(json);

        assertAt(e, "annotations[1].area", json, number + "}");
        assertThat(e.problem()).isEqualTo("number " + number + " is not finite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1e999"})
    void readGroundTruth_nonFiniteId_notAnInteger(String number) {
        String json = GT_WITH_ANNOTATION.formatted(
                "{\"id\": " + number + ", \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}");

        InputException e = groundTruthError(json);

        assertAt(e, "annotations[1].id", json, number + ",");
        assertThat(e.problem()).isEqualTo("expected an integer, got " + number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999"})
    void readResults_nonFiniteScore_namedAtTheValue(String number) {
        String json = RESULTS_WITH_DETECTION.formatted(
                "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": " + number + "}");

        InputException e = resultsError(json);

        assertAt(e, "[1].score", json, number + "}");
        assertThat(e.problem()).isEqualTo("number " + number + " is not finite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1e999"})
    void readResults_nonFiniteBoxValue_namedAtTheValue(String number) {
        String json = RESULTS_WITH_DETECTION.formatted(
                "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [" + number + ", 0, 5, 5], \"score\": 0.5}");

        InputException e = resultsError(json);

        assertAt(e, "[1].bbox[0]", json, number + ", 0");
        assertThat(e.problem()).isEqualTo("number " + number + " is not finite");
    }

    // ---- impossible values -----------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"-5, 5|-5.0 x 5.0", "5, -0.5|5.0 x -0.5"})
    void readGroundTruth_negativeWidthOrHeight_rejected(String wh, String shown) {
        InputException e = annotationError("{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, " + wh
                + "]}");

        assertOnLine(e, "annotations[1].bbox", ANNOTATION_LINE);
        assertThat(e.problem()).isEqualTo("width and height must not be negative, got " + shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"-5, 5|-5.0 x 5.0", "5, -0.5|5.0 x -0.5"})
    void readResults_negativeWidthOrHeight_rejected(String wh, String shown) {
        InputException e = detectionError("{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, " + wh
                + "], \"score\": 0.5}");

        assertOnLine(e, "[1].bbox", DETECTION_LINE);
        assertThat(e.problem()).isEqualTo("width and height must not be negative, got " + shown);
    }

    @Test
    void readGroundTruth_negativeArea_rejected() {
        String json = GT_WITH_ANNOTATION.formatted(
                "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"area\": -25}");

        InputException e = groundTruthError(json);

        assertAt(e, "annotations[1].area", json, "-25");
        assertThat(e.problem()).isEqualTo("must not be negative, got -25.0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"width|-640", "height|-1"})
    void readGroundTruth_negativeImageSize_rejected(String field, String value) {
        String json = GT_WITH_IMAGE.formatted("{\"id\": 2, \"" + field + "\": " + value + "}");

        InputException e = groundTruthError(json);

        assertAt(e, "images[1]." + field, json, value + "}");
        assertThat(e.problem()).isEqualTo("must be a non-negative integer, got " + value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[]|0", "[1]|1", "[1, 2, 3]|3", "[1, 2, 3, 4, 5]|5", "[1, 2, 3, 4, [5]]|5"})
    void readGroundTruth_bboxWithoutFourNumbers_saysHowMany(String bbox, int count) {
        InputException e = annotationError("{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": " + bbox + "}");

        assertOnLine(e, "annotations[1].bbox", ANNOTATION_LINE);
        assertThat(e.problem()).isEqualTo("expected 4 numbers [x, y, w, h], got " + count);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[]|0", "[10, 10, 20]|3", "[10, 10, 20, 20, 0.9]|5"})
    void readResults_bboxWithoutFourNumbers_saysHowMany(String bbox, int count) {
        InputException e = detectionError("{\"image_id\": 1, \"category_id\": 1, \"bbox\": " + bbox
                + ", \"score\": 0.5}");

        assertOnLine(e, "[1].bbox", DETECTION_LINE);
        assertThat(e.problem()).isEqualTo("expected 4 numbers [x, y, w, h], got " + count);
    }

    // ---- references and duplicates ---------------------------------------------------------------------

    @Test
    void readResults_imageNotInGroundTruth_namedAtTheImageId() {
        String json = RESULTS_WITH_DETECTION.formatted(
                "{\"image_id\": 99, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": 0.5}");

        InputException e = resultsError(json);

        assertAt(e, "[1].image_id", json, "99");
        assertThat(e.problem()).startsWith("image 99 is not in the ground truth");
    }

    @Test
    void readResults_imageNotInGroundTruthInsideAnnotationsObject_namedWithThatPath() {
        String json = "{\"annotations\": [\n  {\"image_id\": 5, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": 1}"
                + "\n]}";

        InputException e = resultsError(json);

        assertAt(e, "annotations[0].image_id", json, "5,");
        assertThat(e.problem()).startsWith("image 5 is not in the ground truth");
    }

    /** Detections of an unknown category are kept (the evaluator counts them in a warning). */
    @Test
    void readResults_categoryNotInGroundTruth_keptNotDropped() {
        GroundTruth gt = reader.readGroundTruth(BadInput.write(dir, "gt.json", GOOD_GT));
        Path file = BadInput.write(dir, "dt.json", RESULTS_WITH_DETECTION.formatted(
                "{\"image_id\": 2, \"category_id\": 77, \"bbox\": [0, 0, 5, 5], \"score\": 0.5}"));

        Detections dt = reader.readResults(file, gt);

        assertThat(dt.size()).isEqualTo(2);
        assertThat(dt.categoryIdColumn()).containsExactly(1, 77);
    }

    /** A ground-truth annotation of an unknown category is kept, with a warning naming it. */
    @Test
    void readGroundTruth_annotationOfUnknownCategory_warnsWithPath() {
        Path file = BadInput.write(dir, "gt.json", GT_WITH_ANNOTATION.formatted(
                "{\"id\": 2, \"image_id\": 1, \"category_id\": 7, \"bbox\": [0, 0, 5, 5], \"area\": 25}"));

        GroundTruth gt = reader.readGroundTruth(file);

        assertThat(gt.annotationCount()).isEqualTo(2);
        assertThat(reader.warnings()).singleElement().asString().contains(file.toString(), "annotations[1]",
                "category_id 7");
    }

    @Test
    void readGroundTruth_annotationOfUnknownImage_namedAtItsImageId() {
        String json = GT_WITH_ANNOTATION.formatted(
                "{\"id\": 2, \"image_id\": 3, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"area\": 25}");

        InputException e = groundTruthError(json);

        assertAt(e, "annotations[1].image_id", json, "3, \"category_id\"");
        assertThat(e.problem()).isEqualTo("image 3 is not in 'images'");
    }

    @Test
    void readGroundTruth_duplicateImageId_namedAtTheSecond() {
        String json = GT_WITH_IMAGE.formatted("{\"id\": 1, \"width\": 10, \"height\": 10}");

        InputException e = groundTruthError(json);

        assertAt(e, "images[1].id", json, "1, \"width\": 10");
        assertThat(e.problem()).isEqualTo("duplicate image id 1");
    }

    @Test
    void readGroundTruth_duplicateAnnotationId_namedAtTheSecond() {
        String json = GT_WITH_ANNOTATION.formatted(
                "{\"id\": 1, \"image_id\": 2, \"category_id\": 2, \"bbox\": [0, 0, 5, 5], \"area\": 25}");

        InputException e = groundTruthError(json);

        assertAt(e, "annotations[1].id", json, "1, \"image_id\": 2");
        assertThat(e.problem()).isEqualTo("duplicate annotation id 1");
    }

    /** Ids 5, 7, 7, 5: the first repeat in file order is annotations[2] (7), not the repeat of 5. */
    @Test
    void readGroundTruth_severalDuplicateAnnotationIds_firstRepeatInFileOrderNamed() {
        String json = """
                {"images": [{"id": 1}],
                 "categories": [{"id": 1, "name": "cat"}],
                 "annotations": [{"id": 5, "image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1]},
                  {"id": 7, "image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1]},
                  {"id": 7, "image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 1]},
                  {"id": 5, "image_id": 1, "category_id": 1, "bbox": [0, 0, 3, 1]}]}
                """;

        InputException e = groundTruthError(json);

        assertAt(e, "annotations[2].id", json, "7, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 2");
        assertThat(e.problem()).isEqualTo("duplicate annotation id 7");
    }

    @Test
    void readGroundTruth_duplicateCategoryId_namedAtTheSecond() {
        String json = GT_WITH_CATEGORY.formatted("{\"id\": 1, \"name\": \"dog\"}");

        InputException e = groundTruthError(json);

        assertAt(e, "categories[1].id", json, "1, \"name\": \"dog\"");
        assertThat(e.problem()).isEqualTo("duplicate category id 1");
    }

    /** A repeated member would silently replace the first value: rejected at the second one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"bbox\": [9, 9, 5, 5]}|bbox|[9",
        "{\"id\": 2, \"image_id\": 1, \"image_id\": 2, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|image_id|2, \"cat",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"iscrowd\": 0, \"iscrowd\": 1}|iscrowd|1}"})
    void readGroundTruth_repeatedMember_rejectedAtTheSecond(String annotation, String member, String marker) {
        String json = GT_WITH_ANNOTATION.formatted(annotation);

        InputException e = groundTruthError(json);

        assertAt(e, "annotations[1]." + member, json, marker);
        assertThat(e.problem()).isEqualTo("member '" + member + "' appears twice in one object");
    }

    @Test
    void readGroundTruth_repeatedTopLevelSection_rejectedAtTheSecond() {
        String json = "{\"images\": [{\"id\": 1}], \"annotations\": [], \"categories\": [],\n \"images\": [{\"id\": 2}]}";

        InputException e = groundTruthError(json);

        assertAt(e, "images", json, "[{\"id\": 2");
        assertThat(e.problem()).isEqualTo("member 'images' appears twice in one object");
    }

    @Test
    void readGroundTruth_repeatedImageId_rejectedAtTheSecond() {
        String json = GT_WITH_IMAGE.formatted("{\"id\": 2, \"id\": 3}");

        InputException e = groundTruthError(json);

        assertAt(e, "images[1].id", json, "3}");
        assertThat(e.problem()).isEqualTo("member 'id' appears twice in one object");
    }

    @Test
    void readResults_repeatedScore_rejectedAtTheSecond() {
        String json = RESULTS_WITH_DETECTION.formatted(
                "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": 0.9, \"score\": 0.1}");

        InputException e = resultsError(json);

        assertAt(e, "[1].score", json, "0.1}");
        assertThat(e.problem()).isEqualTo("member 'score' appears twice in one object");
    }

    @Test
    void readResults_repeatedAnnotationsList_rejectedAtTheSecond() {
        String json = "{\"annotations\": [], \"annotations\": []}";

        InputException e = resultsError(json);

        assertAt(e, "annotations", json, "[]", 2);
        assertThat(e.problem()).isEqualTo("member 'annotations' appears twice in one object");
    }

    @Test
    void readGroundTruth_goodFile_readsEverythingWithoutWarnings() {
        GroundTruth gt = reader.readGroundTruth(BadInput.write(dir, "gt.json", GOOD_GT));

        assertThat(gt.imageCount()).isEqualTo(2);
        assertThat(gt.categories()).hasSize(2);
        assertThat(gt.annotationCount()).isEqualTo(2);
        assertThat(reader.warnings()).isEmpty();
    }
}
