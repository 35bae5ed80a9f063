package dev.deteval.eval.io;

import static dev.deteval.eval.io.BadInput.assertAt;
import static dev.deteval.eval.io.BadInput.assertPlain;
import static dev.deteval.eval.io.BadInput.inputException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad {@code --params} files: each is an {@link InputException} naming the file, the key and the problem. */
final class CocoParamsReaderBadInputTest {

    @TempDir
    Path dir;

    private InputException paramsError(String json) {
        Path file = BadInput.write(dir, "params.json", json);
        InputException e = inputException(() -> CocoParamsReader.read(file, CocoMode.COMPAT));
        assertThat(e.source()).isEqualTo(file.toString());
        assertPlain(e);
        return e;
    }

    @Test
    void read_missingFile_fileNotFound() {
        Path file = dir.resolve("params.json");

        InputException e = inputException(() -> CocoParamsReader.read(file, CocoMode.COMPAT));

        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.problem()).isEqualTo("file not found");
    }

    @Test
    void read_directory_saysItIsADirectory() {
        InputException e = inputException(() -> CocoParamsReader.read(dir, CocoMode.COMPAT));

        assertThat(e.problem()).isEqualTo("is a directory, expected a JSON file");
    }

    @Test
    void read_unknownKey_namedWithTheKnownOnes() {
        String json = "{\"maxDets\": [1, 10, 100],\n \"maxDet\": [100]}";

        InputException e = paramsError(json);

        assertAt(e, "maxDet", json, "[100]");
        assertThat(e.problem()).isEqualTo("unknown parameter 'maxDet'; known: iouThrs, recThrs, maxDets, areaRng,"
                + " areaRngLbl, useCats, imgIds, catIds, iouType, kpt_oks_sigmas");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"maxDets\": \"100\"}|maxDets|\"100\"|expected an array of integers, got a string",
        "{\"maxDets\": [1, 10.5]}|maxDets[1]|10.5|expected an integer, got 10.5",
        "{\"iouThrs\": 0.5}|iouThrs|0.5|expected an array of numbers, got a number",
        "{\"iouThrs\": [0.5, \"0.75\"]}|iouThrs[1]|\"0.75\"|expected a number, got a string",
        "{\"useCats\": \"no\"}|useCats|\"no\"|expected 0, 1, true or false, got a string",
        "{\"areaRng\": [[0, \"big\"]], \"areaRngLbl\": [\"all\"]}|areaRng[0][1]|\"big\"|expected a number, got a string",
        "{\"areaRng\": [0, 100], \"areaRngLbl\": [\"all\"]}|areaRng[0]|0,|expected an array of numbers, got a number",
        "{\"areaRng\": [[0, 100]], \"areaRngLbl\": [1]}|areaRngLbl[0]|1]|expected a string, got a number",
        "{\"imgIds\": [1, \"2\"]}|imgIds[1]|\"2\"|expected an integer, got a string",
        "{\"iouType\": 3}|iouType|3|expected a string, got a number"})
    void read_valueOfWrongType_namedAtTheValue(String json, String path, String marker, String problem) {
        InputException e = paramsError(json);

        assertAt(e, path, json, marker);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999"})
    void read_nonFiniteThreshold_namedAtTheValue(String number) {
        String json = "{\"iouThrs\": [0.5, " + number + "]}";

        InputException e = paramsError(json);

        assertAt(e, "iouThrs[1]", json, number);
        assertThat(e.problem()).isEqualTo("number " + number + " is not finite");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|1", "-5|1", "3000000000|1"})
    void read_maxDetsNotPositive_namedAtTheValue(String value, int index) {
        String json = "{\"maxDets\": [1, " + value + ", 100]}";

        InputException e = paramsError(json);

        assertAt(e, "maxDets[" + index + "]", json, value + ",");
        assertThat(e.problem()).isEqualTo("must be a positive integer, got " + value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"areaRng\": [[0, 1e10]]}",
        "{\"areaRngLbl\": [\"all\"]}"})
    void read_areaRngAndLabelsNotTogether_rejected(String json) {
        InputException e = paramsError(json);

        assertThat(e.location()).isEqualTo("$");
        assertThat(e.problem()).isEqualTo("areaRng and areaRngLbl must be given together");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"areaRng\": [[0, 1e10], [0, 1024]], \"areaRngLbl\": [\"all\"]}|areaRngLbl must have one label per areaRng entry",
        "{\"areaRng\": [[100, 10]], \"areaRngLbl\": [\"all\"]}|each areaRng entry must have lo <= hi, got [100.0, 10.0]",
        "{\"maxDets\": []}|maxDets must not be empty",
        "{\"iouThrs\": []}|iouThrs must not be empty",
        "{\"iouThrs\": [0.5, 1.5]}|iouThrs values must be in [0, 1], got 1.5",
        "{\"recThrs\": [0.5, 0.25]}|recThrs must be ascending",
        "{\"recThrs\": [-0.1, 0.5]}|recThrs values must be in [0, 1], got -0.1"})
    void read_inconsistentValues_namedByParameter(String json, String problem) {
        InputException e = paramsError(json);

        assertThat(e.location()).isEqualTo("$");
        assertThat(e.problem()).isEqualTo(problem);
    }

    @Test
    void read_areaRngEntryNotAPair_namedAtTheEntry() {
        String json = "{\"areaRng\": [[0, 1e10], [0, 5, 9]], \"areaRngLbl\": [\"all\", \"small\"]}";

        InputException e = paramsError(json);

        assertThat(e.location()).startsWith("areaRng[1] (line 1, column ");
        assertThat(e.problem()).isEqualTo("expected [lo, hi], got 3 numbers");
    }

    @Test
    void read_unknownIouType_named() {
        String json = "{\"iouType\": \"masks\"}";

        InputException e = paramsError(json);

        assertAt(e, "iouType", json, "\"masks\"");
        assertThat(e.problem()).isEqualTo("iouType must be bbox, segm or keypoints, got 'masks'");
    }

    @Test
    void read_notAnObject_rejected() {
        InputException e = paramsError("[1, 10, 100]");

        assertThat(e.location()).isEqualTo("$ (line 1, column 1)");
        assertThat(e.problem()).isEqualTo("expected a JSON object of pycocotools Params names, got an array");
    }

    @Test
    void read_truncated_malformedAtEndOfInput() {
        String json = "{\"maxDets\": [1, 10,";

        InputException e = paramsError(json);

        assertThat(e.location()).isEqualTo("line 1, column " + (json.length() + 1));
        assertThat(e.problem()).startsWith("malformed JSON: ").containsIgnoringCase("end-of-input");
    }

    @Test
    void read_repeatedKey_rejectedAtTheSecond() {
        String json = "{\"maxDets\": [1, 10, 100], \"maxDets\": [5]}";

        InputException e = paramsError(json);

        assertAt(e, "maxDets", json, "[5]");
        assertThat(e.problem()).isEqualTo("member 'maxDets' appears twice in one object");
    }

    @Test
    void read_goodFile_appliesEveryKey() {
        Path file = BadInput.write(dir, "params.json", "{\"iouThrs\": [0.5], \"recThrs\": [0, 1], \"maxDets\": [5, 1],"
                + " \"areaRng\": [[0, 1e10]], \"areaRngLbl\": [\"all\"], \"useCats\": 0, \"imgIds\": [3, 1],"
                + " \"catIds\": [2], \"iouType\": \"bbox\"}");

        CocoParams p = CocoParamsReader.read(file, CocoMode.CORRECTED);

        assertThat(p.mode()).isEqualTo(CocoMode.CORRECTED);
        assertThat(p.iouThrs()).containsExactly(0.5);
        assertThat(p.recThrs()).containsExactly(0.0, 1.0);
        assertThat(p.maxDets()).containsExactly(1, 5);
        assertThat(p.areaRngLbl()).containsExactly("all");
        assertThat(p.useCats()).isFalse();
        assertThat(p.imgIds()).containsExactly(1, 3);
        assertThat(p.catIds()).containsExactly(2);
    }
}
