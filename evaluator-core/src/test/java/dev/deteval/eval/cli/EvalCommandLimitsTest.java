package dev.deteval.eval.cli;

import static dev.deteval.eval.io.BadInput.GOOD_GT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.deteval.eval.check.Limit;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.PrecisionTable;
import dev.deteval.eval.io.BadInput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, problem 5: parameters and rule values have stated limits, checked before the evaluation,
 * with exit code 2 and one short line; none is an internal error, a hang or a huge message.
 */
final class EvalCommandLimitsTest {

    private static final String RESULTS = "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [10, 10, 20, 20],"
            + " \"score\": 0.9}]";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run eval(String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "--gt", BadInput.write(dir, "gt.json", GOOD_GT).toString(),
                "--dt", BadInput.write(dir, "dt.json", RESULTS).toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static String numbers(int count, double step) {
        return IntStream.range(0, count).mapToObj(i -> Double.toString(Math.min(1, i * step)))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static void assertOneLine(Run r, String start) {
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString().startsWith(start).hasSizeLessThan(500);
    }

    @Test
    void eval_200kIouThresholds_exitTwoNamingTheLimit() {
        Path params = BadInput.write(dir, "params.json", "{\"iouThrs\": " + numbers(200_000, 1e-6) + "}");

        Run r = eval("--params", params.toString());

        assertOneLine(r, "deteval: error: ");
        assertThat(r.err()).contains("iouThrs has 200000 values, more than the limit of "
                + CocoParams.MAX_IOU_THRESHOLDS);
    }

    @Test
    void eval_tooManyRecallThresholds_exitTwoNamingTheLimit() {
        Path params = BadInput.write(dir, "params.json", "{\"recThrs\": " + numbers(20_000, 1e-5) + "}");

        Run r = eval("--params", params.toString());

        assertOneLine(r, "deteval: error: ");
        assertThat(r.err()).contains("recThrs has 20000 values, more than the limit of "
                + CocoParams.MAX_RECALL_THRESHOLDS);
    }

    @Test
    void eval_thresholdsWithinLimitsButHugeTable_exitTwoNamingTheProduct() {
        // 1001 x 10001 x 2 categories x 10 area ranges x 1 maxDets = 200,220,020 entries
        String areas = IntStream.range(0, 10).mapToObj(i -> "[0, 1e10]").collect(Collectors.joining(",", "[", "]"));
        String labels = IntStream.range(0, 10).mapToObj(i -> "\"a" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        Path params = BadInput.write(dir, "params.json", "{\"iouThrs\": " + numbers(1001, 1e-3) + ", \"recThrs\": "
                + numbers(10_001, 1e-4) + ", \"maxDets\": [100], \"areaRng\": " + areas + ", \"areaRngLbl\": " + labels
                + "}");

        Run r = eval("--params", params.toString());

        assertOneLine(r, "deteval: error: ");
        assertThat(r.err()).contains("= 200,220,020 entries, more than the limit of "
                + String.format("%,d", PrecisionTable.MAX_ENTRIES));
    }

    @Test
    void eval_ruleWithABillionDecimals_exitTwo() {
        Run r = eval("--rule", "AP<=1e-999999999");

        assertOneLine(r, "deteval: error: cannot read rule 'AP<=1e-999999999': AP maximum '1e-999999999' has more"
                + " than " + Limit.MAX_DECIMALS + " decimals");
    }

    @Test
    void eval_ruleWithTenMillionDecimals_exitTwoQuicklyWithAShortLine() {
        // today's main needs 13.6 s and prints 20 MB; a check of the scale answers in milliseconds, and 5 s
        // leaves room for a slow shared machine
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> eval("--rule", "AP<=1e-9999999"));

        assertOneLine(r, "deteval: error: cannot read rule 'AP<=1e-9999999': AP maximum '1e-9999999' has more than");
    }

    @Test
    void eval_ruleWithAVeryLongValue_exitTwoWithTheStartOnly() {
        Run r = eval("--rule", "AP>=0." + "1".repeat(100_000));

        assertOneLine(r, "deteval: error: cannot read rule 'AP>=0.111");
        assertThat(r.err()).contains("is longer than " + Limit.MAX_TEXT + " characters");
    }
}
