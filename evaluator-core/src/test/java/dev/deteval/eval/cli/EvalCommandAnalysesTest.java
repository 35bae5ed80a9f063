package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deteval.eval.cli.EvalCommandOperatingPointTest.Run;
import dev.deteval.eval.conformance.ConformanceCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 items 3 to 5 on the command line: {@code --errors}, {@code --curves}, {@code --per-image}. */
final class EvalCommandAnalysesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ConformanceCase CASE = ConformanceCase.all().stream()
            .filter(c -> c.name().equals("random_s2_i100_c5")).findFirst().orElseThrow();

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
    void eval_errorsJson_addsErrorsMemberWhoseCountsAddUp() throws Exception {
        Run plain = eval("--format", "json");
        Run with = eval("--format", "json", "--errors-all-iou");
        assertThat(with.code()).as(with.err()).isZero();
        ObjectNode report = (ObjectNode) MAPPER.readTree(with.out());
        JsonNode errors = report.remove("errors");
        assertThat(report).isEqualTo(MAPPER.readTree(plain.out()));
        assertThat(plain.out()).doesNotContain("\"errors\"");
        int fp = 0;
        for (JsonNode t : errors.get("types")) {
            fp += t.get("type").asText().equals("Miss") ? 0 : t.get("count").asInt();
            assertThat(t.get("dAP").asDouble()).isGreaterThanOrEqualTo(0);
        }
        assertThat(fp).isEqualTo(errors.get("falsePositives").asInt());
        assertThat(errors.get("ap").asDouble()).isCloseTo(report.get("stats").get("AP50").asDouble(), within(1e-12));
        assertThat(errors.get("apAllThresholds").asDouble()).isCloseTo(report.get("stats").get("AP").asDouble(),
                within(1e-12));
        assertThat(errors.get("iouThresholds")).hasSize(10);
    }

    @Test
    void eval_errorsJson_dapAtFiftyOnly() throws Exception {
        JsonNode errors = MAPPER.readTree(eval("--format", "json", "--errors").out()).get("errors");
        assertThat(errors.has("apAllThresholds")).isFalse();
        assertThat(errors.has("iouThresholds")).isFalse();
        assertThat(errors.get("types").get(0).has("dAPAllThresholds")).isFalse();
        assertThat(errors.get("foreground").asDouble()).isEqualTo(0.5);
    }

    @Test
    void eval_handCaseErrorsText_countsWorkedOutByHand(@TempDir Path dir) throws Exception {
        // see coco.ErrorBreakdownTest: Cls 2, Loc 1, Both 0, Dupe 1, Bkg 1, Miss 1
        Run r = EvalCommandOperatingPointTest.hand(dir, "--errors");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Errors (TIDE-style): foreground IoU 0.50, background IoU 0.10")
                .contains("5 false positives, 3 false negatives")
                .containsPattern("\ncount +2 +1 +0 +1 +1 +1\n");
        Run md = EvalCommandOperatingPointTest.hand(dir, "--errors", "--format", "markdown");
        assertThat(md.out()).contains("## Errors (TIDE-style)").contains("| Cls | 2 |");
    }

    @Test
    void eval_curvesJson_shapesFollowTheParameters() throws Exception {
        Run r = eval("--format", "json", "--curves");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = MAPPER.readTree(r.out());
        JsonNode curves = report.get("curves");
        assertThat(curves.get("precision")).hasSize(report.get("perCategory").size());
        assertThat(curves.get("precision").get(0).get("byIou")).hasSize(10);
        assertThat(curves.get("precision").get(0).get("byIou").get(0)).hasSize(101);
        assertThat(curves.get("meanPrecision")).hasSize(10);
        JsonNode conf = curves.get("confidence");
        assertThat(conf.get("thresholds")).hasSize(101);
        assertThat(conf.get("overall").get("f1")).hasSize(101);
        assertThat(conf.get("perCategory")).hasSize(report.get("perCategory").size());
        // the text report does not show curves
        assertThat(eval("--curves").out()).isEqualTo(eval().out());
    }

    @Test
    void eval_perImage_linesSumToTheOperatingPoint(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("images.jsonl");
        Run r = eval("--format", "json", "--confidence", "0.3", "--per-image", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode op = MAPPER.readTree(r.out()).get("operatingPoint");
        List<String> lines = Files.readAllLines(file);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int previous = Integer.MAX_VALUE;
        for (String line : lines) {
            JsonNode n = MAPPER.readTree(line);
            tp += n.get("tp").asInt();
            fp += n.get("fp").asInt();
            fn += n.get("fn").asInt();
            int errors = n.get("fp").asInt() + n.get("fn").asInt();
            assertThat(errors).isLessThanOrEqualTo(previous);
            previous = errors;
            assertThat(n.get("confidence").asDouble()).isEqualTo(0.3);
        }
        assertThat(List.of(tp, fp, fn)).containsExactly(op.get("tp").asInt(), op.get("fp").asInt(),
                op.get("fn").asInt());
        assertThat(lines).hasSize(100);
    }

    @Test
    void eval_handCasePerImage_fileNamesAndCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.jsonl");
        Run r = EvalCommandOperatingPointTest.hand(dir, "--per-image", file.toString(), "--confidence", "0.25");
        assertThat(r.code()).as(r.err()).isZero();
        // image 1: d1 hits; d2, d3, d4, d5 do not; 3 of 4 objects missed. image 2: d7 hits, d6 does not
        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"imageId\":1,\"fileName\":\"\",\"tp\":1,\"fp\":4,\"fn\":3,\"iou\":0.5,\"confidence\":0.25}",
                "{\"imageId\":2,\"fileName\":\"\",\"tp\":1,\"fp\":1,\"fn\":0,\"iou\":0.5,\"confidence\":0.25}");
    }

    @Test
    void eval_perImageIntoMissingFolder_exitCode2(@TempDir Path dir) {
        Run r = eval("--per-image", dir.resolve("no/such/folder/out.jsonl").toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("out.jsonl");
    }

    @Test
    void eval_errorsWithVoc_exitCode2() {
        Run r = eval("--protocol", "voc07", "--errors");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--errors");
    }
}
