package dev.deteval.eval.cli;

import static dev.deteval.eval.io.BadInput.DETECTION_LINE;
import static dev.deteval.eval.io.BadInput.GOOD_GT;
import static dev.deteval.eval.io.BadInput.GT_WITH_ANNOTATION;
import static dev.deteval.eval.io.BadInput.RESULTS_WITH_DETECTION;
import static dev.deteval.eval.io.BadInput.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.io.BadInput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input on the command line ({@link Main#run}): exit code 2 and one short line on standard error,
 * {@code deteval: error: <file>: <JSON path> (line L, column C): <problem>}, without a stack trace
 * unless {@code --verbose} is given; nothing on standard output. Detections of a category that is not
 * in the ground truth are not an error: the run succeeds and a warning counts them.
 */
final class EvalCommandBadInputTest {

    private static final String GOOD_RESULTS = RESULTS_WITH_DETECTION.formatted(
            "{\"image_id\": 2, \"category_id\": 2, \"bbox\": [0, 0, 5, 5], \"score\": 0.8}");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String content) {
        return BadInput.write(dir, name, content);
    }

    private Run eval(Path gt, Path dt, String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "--gt", gt.toString(), "--dt", dt.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    /** Exit code 2, nothing on stdout, exactly one line on stderr, and it is {@code expected}. */
    private static void assertBadInput(Run r, String expected) {
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly(expected);
    }

    private static void assertNoStackTrace(Run r) {
        assertThat(r.err()).doesNotContain("\tat ", "Exception", "Caused by");
    }

    @Test
    void eval_goodFiles_exitZeroWithReportAndQuietStderr() {
        Run r = eval(file("gt.json", GOOD_GT), file("dt.json", GOOD_RESULTS));

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Average Precision");
    }

    // ---- files -----------------------------------------------------------------------------------------

    @Test
    void eval_missingGroundTruthFile_namesTheFile() {
        Path gt = dir.resolve("nope.json");

        Run r = eval(gt, file("dt.json", GOOD_RESULTS));

        assertBadInput(r, "deteval: error: " + gt + ": file not found");
    }

    @Test
    void eval_missingResultsFile_namesTheFile() {
        Path dt = dir.resolve("results.json");

        Run r = eval(file("gt.json", GOOD_GT), dt);

        assertBadInput(r, "deteval: error: " + dt + ": file not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--gt", "--dt", "--params"})
    void eval_directoryGivenAsFile_saysItIsADirectory(String option) {
        Path gt = option.equals("--gt") ? dir : file("gt.json", GOOD_GT);
        Path dt = option.equals("--dt") ? dir : file("dt.json", GOOD_RESULTS);
        String[] more = option.equals("--params") ? new String[] {"--params", dir.toString()} : new String[0];

        Run r = eval(gt, dt, more);

        assertBadInput(r, "deteval: error: " + dir + ": is a directory, expected a JSON file");
    }

    @Test
    void eval_unreadablePath_saysWhy() {
        Path gt = file("plain.txt", "x").resolve("gt.json");

        Run r = eval(gt, file("dt.json", GOOD_RESULTS));

        assertBadInput(r, "deteval: error: " + gt + ": cannot be read: Not a directory");
    }

    // ---- bad JSON in the ground truth and the results --------------------------------------------------

    @Test
    void eval_truncatedGroundTruth_namesLineAndColumn() {
        String json = GOOD_GT.substring(0, GOOD_GT.indexOf("\"categories\""));
        Path gt = file("gt.json", json);

        Run r = eval(gt, file("dt.json", GOOD_RESULTS));

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("deteval: error: " + gt + ": line 5, column 1: malformed JSON: ")
                .containsIgnoringCase("end-of-input");
        assertNoStackTrace(r);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, NaN, 5]}|annotations[1].bbox[2]|NaN|number NaN is not finite",
        "{\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1e999, 5]}|annotations[1].bbox[2]|1e999|number 1e999 is not finite",
        "{\"id\": \"x\", \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|annotations[1].id|\"x\"|expected an integer, got a string",
        "{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|annotations[1].id|1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5|duplicate annotation id 1",
        "{\"id\": 2, \"image_id\": 9, \"category_id\": 1, \"bbox\": [0, 0, 5, 5]}|annotations[1].image_id|9|image 9 is not in 'images'"})
    void eval_badGroundTruthValue_namesFilePathLineAndColumn(String annotation, String path, String marker,
            String problem) {
        String json = GT_WITH_ANNOTATION.formatted(annotation);
        Path gt = file("gt.json", json);

        Run r = eval(gt, file("dt.json", GOOD_RESULTS));

        assertBadInput(r, "deteval: error: " + gt + ": " + path + " (" + at(json, marker) + "): " + problem);
    }

    @Test
    void eval_malformedResults_namesLineAndColumn() {
        String json = "[\n  {\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5] \"score\": 0.5}\n]";
        Path dt = file("dt.json", json);

        Run r = eval(file("gt.json", GOOD_GT), dt);

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("deteval: error: " + dt + ": " + at(json, "\"score\"") + ": malformed JSON: ");
        assertNoStackTrace(r);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"images\": [{\"id\": 4}, {\"id\": 4}], \"annotations\": [], \"categories\": []}|images[1].id|4}]|duplicate image id 4",
        "{\"images\": [], \"annotations\": [], \"categories\": [{\"id\": 3}, {\"id\": 3}]}|categories[1].id|3}]|duplicate category id 3"})
    void eval_duplicateImageOrCategoryId_namesTheSecond(String json, String path, String marker, String problem) {
        Path gt = file("gt.json", json);

        Run r = eval(gt, file("dt.json", "[]"));

        assertBadInput(r, "deteval: error: " + gt + ": " + path + " (" + at(json, marker) + "): " + problem);
    }

    @Test
    void eval_missingGroundTruthField_namesPathAndLine() {
        Path gt = file("gt.json", GT_WITH_ANNOTATION.formatted("{\"id\": 2, \"image_id\": 1, \"category_id\": 1}"));

        Run r = eval(gt, file("dt.json", GOOD_RESULTS));

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("deteval: error: " + gt + ": annotations[1] (line 8, column ")
                .endsWith("): missing required field 'bbox'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"image_id\": 99, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": 0.5}|[1].image_id|99|image 99 is not in the ground truth (pycocotools: 'Results do not correspond to current coco set')",
        "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": Infinity}|[1].score|Infinity|number Infinity is not finite",
        "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, 5], \"score\": \"0.5\"}|[1].score|\"0.5\"|expected a number, got a string",
        "{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 5, \"5\"], \"score\": 0.5}|[1].bbox[3]|\"5\"|expected a number, got a string"})
    void eval_badResultsValue_namesFilePathLineAndColumn(String detection, String path, String marker,
            String problem) {
        String json = RESULTS_WITH_DETECTION.formatted(detection);
        Path dt = file("dt.json", json);

        Run r = eval(file("gt.json", GOOD_GT), dt);

        assertBadInput(r, "deteval: error: " + dt + ": " + path + " (" + at(json, marker) + "): " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[0, 0, 5, -5]|width and height must not be negative, got 5.0 x -5.0",
        "[0, 0, 5]|expected 4 numbers [x, y, w, h], got 3"})
    void eval_badResultsBox_namesPathAndLine(String bbox, String problem) {
        Path dt = file("dt.json", RESULTS_WITH_DETECTION.formatted(
                "{\"image_id\": 1, \"category_id\": 1, \"bbox\": " + bbox + ", \"score\": 0.5}"));

        Run r = eval(file("gt.json", GOOD_GT), dt);

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("deteval: error: " + dt + ": [1].bbox (line " + DETECTION_LINE + ", column ")
                .endsWith("): " + problem);
        assertThat(r.out()).isEmpty();
    }

    // ---- --verbose -------------------------------------------------------------------------------------

    @Test
    void eval_badInputWithoutVerbose_noStackTrace() {
        Run r = eval(file("gt.json", GOOD_GT), file("dt.json", "[{\"image_id\": 1}"));

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertNoStackTrace(r);
    }

    @Test
    void eval_badInputWithVerbose_printsTheStackTrace() {
        Path dt = file("dt.json", "[{\"image_id\": 1}");

        Run r = eval(file("gt.json", GOOD_GT), dt, "--verbose");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.errLines().get(0)).startsWith("deteval: error: " + dt + ": ");
        assertThat(r.err()).contains("dev.deteval.eval.io.InputException", "\tat dev.deteval.eval.io.");
    }

    // ---- unknown categories ----------------------------------------------------------------------------

    @Test
    void eval_detectionsOfUnknownCategory_succeedWithWarningCountingThem() {
        Path dt = file("dt.json", """
                [
                  {"image_id": 1, "category_id": 1, "bbox": [10, 10, 20, 20], "score": 0.9},
                  {"image_id": 1, "category_id": 42, "bbox": [10, 10, 20, 20], "score": 0.8},
                  {"image_id": 2, "category_id": 42, "bbox": [0, 0, 5, 5], "score": 0.7},
                  {"image_id": 2, "category_id": 7, "bbox": [0, 0, 5, 5], "score": 0.6}
                ]
                """);

        Run r = eval(file("gt.json", GOOD_GT), dt);

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Average Precision");
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("deteval: warning: 3 detection(s) name a category that is not in the ground truth");
    }

    @Test
    void eval_groundTruthAnnotationOfUnknownCategory_succeedsWithWarningNamingIt() {
        Path gt = file("gt.json", GT_WITH_ANNOTATION.formatted(
                "{\"id\": 2, \"image_id\": 2, \"category_id\": 5, \"bbox\": [0, 0, 5, 5], \"area\": 25}"));

        Run r = eval(gt, file("dt.json", GOOD_RESULTS));

        assertThat(r.code()).isZero();
        assertThat(r.errLines()).singleElement().asString()
                .isEqualTo("deteval: warning: " + gt + ": 1 annotation(s) name a category that is not in"
                        + " 'categories' (annotations[1].category_id 5); they are not evaluated (pycocotools drops them"
                        + " too)");
    }

    // ---- --params --------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"maxDet\": [100]}|maxDet|[100]|unknown parameter 'maxDet'; known: iouThrs, recThrs, maxDets, areaRng, areaRngLbl, useCats, imgIds, catIds, iouType, kpt_oks_sigmas",
        "{\"maxDets\": \"100\"}|maxDets|\"100\"|expected an array of integers, got a string",
        "{\"maxDets\": [1, 0, 100]}|maxDets[1]|0,|must be a positive integer, got 0",
        "{\"useCats\": [true]}|useCats|[true]|expected 0, 1, true or false, got an array",
        "{\"iouThrs\": [0.5, NaN]}|iouThrs[1]|NaN|number NaN is not finite"})
    void eval_badParamsValue_namesFileKeyLineAndColumn(String json, String path, String marker, String problem) {
        Path params = file("params.json", json);

        Run r = eval(file("gt.json", GOOD_GT), file("dt.json", GOOD_RESULTS), "--params", params.toString());

        assertBadInput(r, "deteval: error: " + params + ": " + path + " (" + at(json, marker) + "): " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"areaRng\": [[0, 1e10], [0, 1024]]}|areaRng and areaRngLbl must be given together",
        "{\"areaRng\": [[0, 1e10], [0, 1024]], \"areaRngLbl\": [\"all\"]}|areaRngLbl must have one label per areaRng entry",
        "{\"maxDets\": []}|maxDets must not be empty"})
    void eval_inconsistentParams_namesFileAndParameter(String json, String problem) {
        Path params = file("params.json", json);

        Run r = eval(file("gt.json", GOOD_GT), file("dt.json", GOOD_RESULTS), "--params", params.toString());

        assertBadInput(r, "deteval: error: " + params + ": $: " + problem);
    }

    // ---- options ---------------------------------------------------------------------------------------

    @Test
    void eval_unknownMode_rejectedBeforeReading() {
        Run r = eval(dir.resolve("absent-gt.json"), dir.resolve("absent-dt.json"), "--mode", "strict");

        assertBadInput(r, "deteval: error: unknown mode 'strict': expected compat or corrected");
    }

    @Test
    void eval_unknownFormat_rejectedBeforeReading() {
        Run r = eval(dir.resolve("absent-gt.json"), dir.resolve("absent-dt.json"), "--format", "xml");

        assertBadInput(r, "deteval: error: --format xml: expected text, json or markdown");
    }

    @Test
    void eval_unknownProtocol_rejected() {
        Run r = eval(file("gt.json", GOOD_GT), file("dt.json", GOOD_RESULTS), "--protocol", "voc2007");

        assertBadInput(r, "deteval: error: unknown protocol 'voc2007': expected coco, lvis, voc07 or voc12");
    }

    @Test
    void eval_missingRequiredOption_usageErrorExitTwo() {
        Run r = run("eval", "--gt", file("gt.json", GOOD_GT).toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("deteval: error: Missing required option: '--dt=RESULTS'",
                "Try 'deteval eval --help' for the options.");
        assertNoStackTrace(r);
    }

    @Test
    void eval_unknownOption_usageErrorExitTwo() {
        Run r = eval(file("gt.json", GOOD_GT), file("dt.json", GOOD_RESULTS), "--max-detections", "5");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines().get(0)).startsWith("deteval: error: Unknown option");
        assertNoStackTrace(r);
    }

    @Test
    void run_unknownCommand_usageErrorExitTwo() {
        Run r = run("evaluate");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.errLines().get(0)).contains("evaluate");
        assertNoStackTrace(r);
    }
}
