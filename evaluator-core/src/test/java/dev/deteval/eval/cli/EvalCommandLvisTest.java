package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.gate.Gate;
import dev.deteval.eval.gate.GateRequest;
import dev.deteval.eval.io.BadInput;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code eval --protocol lvis} on bad input and bad options: exit code 2, nothing on standard output, one
 * line on standard error naming the file, the place and the problem; and no report file half-written.
 */
final class EvalCommandLvisTest {

    /** A one-image LVIS ground truth; {@code %s} is the image's federated members. */
    private static final String GT = """
            {"images": [
              {"id": 1, %s}
            ],
            "categories": [{"id": 1, "name": "cat", "frequency": "c"}],
            "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [10, 10, 20, 20], "area": 400}]}
            """;
    private static final String LISTS = "\"neg_category_ids\": [], \"not_exhaustive_category_ids\": []";
    private static final String RESULTS = "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [10, 10, 20, 20],"
            + " \"score\": 0.9}]";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run eval(String gt, String dt, String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "--protocol", "lvis", "--gt",
                BadInput.write(dir, "gt.json", gt).toString(), "--dt", BadInput.write(dir, "dt.json", dt).toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertBadInput(Run r, String... parts) {
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("deteval: error: ").contains(parts).doesNotContain("\tat ", "Exception");
    }

    @Test
    void eval_goodFiles_exitZero() {
        Run r = eval(GT.formatted(LISTS), RESULTS);

        assertThat(r.code()).as(r.err()).isZero();
        // one true positive alone: precision 1 / (1 + eps), printed as 1.000
        assertThat(r.out()).contains("catIds=all] = 1.000");
    }

    @Test
    void eval_html_pageHasTheLvisSummaryAndOneRowPerCategory() throws IOException {
        Path page = dir.resolve("report.html");
        Run r = eval(GT.formatted(LISTS), RESULTS, "--html", page.toString());

        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(page);
        // the thirteen summary numbers include APr/APc/APf; the one category row shows its frequency
        assertThat(html).contains("LVIS evaluation").contains(">APc<").contains(">APr<");
        assertThat(html).containsOnlyOnce("<td data-key=\"\">cat</td><td data-key=\"\">common</td>");
    }

    @Test
    void eval_emptyResults_evaluatesAsNoDetections() {
        // lvis-api fails on an empty list (IndexError); deteval scores it, as for COCO: recall 0, precision 0
        Run r = eval(GT.formatted(LISTS), "[]", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"AP\" : 0.0").contains("\"AR\" : 0.0");
    }

    @Test
    void eval_lvisBaseline_dropRuleChecksAgainstIt() throws IOException {
        Run first = eval(GT.formatted(LISTS), RESULTS, "--format", "json");
        Path baseline = BadInput.write(dir, "baseline.json", first.out());

        Run again = eval(GT.formatted(LISTS), RESULTS, "--baseline", baseline.toString(), "--rule", "APc:maxDrop=0.01");
        Run empty = eval(GT.formatted(LISTS), "[]", "--baseline", baseline.toString(), "--rule", "APc:maxDrop=0.01");

        assertThat(again.code()).as(again.err()).isZero();
        // with no detections APc falls from 1 / (1 + eps) to 0
        assertThat(empty.code()).as(empty.err()).isEqualTo(Main.EXIT_RULE_VIOLATED);
    }

    @Test
    void eval_cocoBaselineForLvisRun_exitTwo() {
        Path cocoGt = BadInput.write(dir, "coco-gt.json", GT.formatted("\"width\": 640"));
        StringWriter out = new StringWriter();
        Main.run(new String[] {"eval", "--gt", cocoGt.toString(), "--dt", BadInput.write(dir, "d.json", RESULTS)
            .toString(), "--format", "json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        Path baseline = BadInput.write(dir, "coco-report.json", out.toString());

        Run r = eval(GT.formatted(LISTS), RESULTS, "--baseline", baseline.toString(), "--rule", "AP:maxDrop=0.01");

        assertBadInput(r, "the baseline is a coco report but the evaluation is lvis");
    }

    @Test
    void eval_cocoFileWithoutFederatedLists_exitTwoNamingFileAndImage() {
        Run r = eval(GT.formatted("\"width\": 640"), RESULTS);

        assertBadInput(r, dir.resolve("gt.json").toString(), "images[0] (line 2, column ",
                "missing required field 'neg_category_ids' (LVIS)");
    }

    @Test
    void eval_resultsNotAList_exitTwoNamingResultsFile() {
        Run r = eval(GT.formatted(LISTS), "{\"image_id\": 1}");

        assertBadInput(r, dir.resolve("dt.json").toString(), "line 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--max-dets=1,10,100", "--iou-thrs=0.5", "--mode=corrected",
        "--confidence=0.5", "--area-rng=all=0:1e10", "--iou-type=keypoints"})
    void eval_cocoOnlyOption_exitTwoSayingItDoesNotApply(String option) {
        Run r = eval(GT.formatted(LISTS), RESULTS, option);

        assertBadInput(r, "protocol lvis", "do not apply");
    }

    @Test
    void eval_cocoOnlyMetricInRule_exitTwoListingLvisMetrics() {
        Run r = eval(GT.formatted(LISTS), RESULTS, "--rule", "AR100>=0.5");

        assertBadInput(r, "AR100 is not a dataset metric of lvis evaluations", "APr, APc, APf");
    }

    @Test
    void run_badGroundTruthWithReports_writesNoReportFile() throws IOException {
        Path gt = BadInput.write(dir, "gt.json", GT.formatted("\"neg_category_ids\": [1]"));
        Path dt = BadInput.write(dir, "dt.json", RESULTS);
        Path out = dir.resolve("reports");
        GateRequest request = GateRequest.builder(gt, dt).optProtocol(dev.deteval.eval.check.Protocol.LVIS)
                .optRules(List.of(RuleSyntax.parse("APc>=0.5")))
                .optReports(out, EnumSet.allOf(ReportFormat.class)).build();

        try {
            Gate.run(request);
            throw new AssertionError("expected an InputException");
        } catch (InputException e) {
            assertThat(e.source()).isEqualTo(gt.toString());
        }
        try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertThat(files).isEmpty();
        }
    }
}
