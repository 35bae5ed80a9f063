package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.conformance.ConformanceCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 items 1, 4, 5 and 9 on the command line: parameter flags, names that follow maxDets, the
 * warning for a compat AP without maxDets 100, rule options, and usage errors that fit on two lines.
 */
final class EvalCommandParamFlagsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ConformanceCase CASE = ConformanceCase.all().stream()
            .filter(c -> c.name().equals("random_s2_i100_c5")).findFirst().orElseThrow();

    private record Run(int code, String out, String err) {
    }

    private static Run eval(String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "--gt", CASE.gt().toString(), "--dt",
                CASE.dt().toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void eval_maxDets300_namesRecallAR300EverywhereAndWarnsAboutAp() throws Exception {
        Run json = eval("--max-dets", "1,10,300", "--format", "json");
        Run text = eval("--max-dets", "1,10,300");
        Run markdown = eval("--max-dets", "1,10,300", "--format", "markdown");

        JsonNode report = MAPPER.readTree(json.out());
        assertThat(report.get("stats").has("AR300")).isTrue();
        assertThat(report.get("stats").has("AR100")).isFalse();
        assertThat(report.get("stats").get("AP").asDouble()).isEqualTo(-1.0);
        assertThat(report.get("perCategory").get(1).has("AR300")).isTrue();
        assertThat(report.get("warnings").toString()).contains("AP is -1: in compat mode pycocotools computes AP at"
                + " maxDets 100");
        assertThat(text.out()).contains("warning: AP is -1").contains(" AR300\n");
        assertThat(text.err()).contains("deteval: warning: AP is -1");
        assertThat(markdown.out()).contains("| AR300 |").contains("AP is -1: in compat mode");
    }

    @Test
    void eval_ruleOnAR300_isCheckedNotRejected() {
        Run r = eval("--max-dets", "1,10,300", "--rule", "AR300>=0.01", "--rule", "category:*:AR300>=0;onMissing=ignore");

        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void eval_maxDetsFlag_sameAsParamsFile(@TempDir Path dir) throws Exception {
        Path params = Files.writeString(dir.resolve("p.json"), "{\"maxDets\": [1, 10, 300]}");

        assertThat(eval("--max-dets", "1,10,300", "--format", "json").out())
                .isEqualTo(eval("--params", params.toString(), "--format", "json").out());
    }

    @Test
    void iouThrs_pycocotoolsRange_isNumpyLinspace() {
        assertThat(ParamFlags.iouThrs("0.5:0.95:0.05")).containsExactly(CocoParams.defaults().iouThrs());
        assertThat(ParamFlags.iouThrs("0.5,0.75")).containsExactly(0.5, 0.75);
    }

    @Test
    void areaRng_labelledRanges_parsed() {
        ParamFlags.AreaRanges a = ParamFlags.areaRng("all=0:1e10, small=0:1024");

        assertThat(a.labels()).containsExactly("all", "small");
        assertThat(a.ranges()[1]).containsExactly(0, 1024);
    }

    @Test
    void eval_iouThrsFlag_defaultRange_sameNumbersAsWithout() {
        assertThat(eval("--iou-thrs", "0.5:0.95:0.05", "--format", "json").out())
                .isEqualTo(eval("--format", "json").out());
    }

    @Test
    void eval_badFlagValue_oneLineExitTwo() {
        Run r = eval("--max-dets", "1,ten");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines().toList()).containsExactly("deteval: error: --max-dets 1,ten: 'ten' is not an"
                + " integer; write e.g. 1,10,300");
    }

    @Test
    void eval_violation_noSeeLogForDetails() {
        Run r = eval("--rule", "AP>=0.99");

        assertThat(r.code()).isEqualTo(Main.EXIT_RULE_VIOLATED);
        assertThat(r.out()).contains("Detection metric rules have not been met.").doesNotContain("See log");
    }

    @Test
    void eval_unknownCategoryName_configurationErrorExitTwo() {
        Run r = eval("--rule", "category:CLASS_49:AP>=0.1");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("deteval: error: no category is named 'CLASS_49'; the categories are:"
                + " 'class_49', ");
    }
}
