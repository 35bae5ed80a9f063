package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deteval.eval.conformance.ConformanceCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 item 1 on the command line: {@code --confidence} and {@code --op-iou}. */
final class EvalCommandOperatingPointTest {

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
    void eval_confidenceJson_addsTwoMembersAndLeavesTheRestUnchanged() throws Exception {
        Run plain = eval("--format", "json");
        Run with = eval("--format", "json", "--confidence", "0.25", "--op-iou", "0.5");
        assertThat(with.code()).isZero();
        ObjectNode report = (ObjectNode) MAPPER.readTree(with.out());
        JsonNode op = report.remove("operatingPoint");
        JsonNode best = report.remove("bestF1");
        assertThat(report).isEqualTo(MAPPER.readTree(plain.out()));
        assertThat(plain.out()).doesNotContain("operatingPoint").doesNotContain("bestF1");

        assertThat(op.get("confidence").asDouble()).isEqualTo(0.25);
        assertThat(op.get("iou").asDouble()).isEqualTo(0.5);
        int tp = op.get("tp").asInt();
        int fp = op.get("fp").asInt();
        assertThat(op.get("precision").asDouble()).isEqualTo((double) tp / (tp + fp));
        int sumTp = 0;
        for (JsonNode c : op.get("perCategory")) {
            sumTp += c.get("tp").asInt();
        }
        assertThat(sumTp).isEqualTo(tp);
        assertThat(op.get("perCategory")).hasSize(report.get("perCategory").size());
        assertThat(best.fieldNames()).toIterable()
                .containsExactly("confidence", "precision", "recall", "f1", "perCategory");
        assertThat(best.get("f1").asDouble()).isGreaterThanOrEqualTo(op.get("f1").asDouble());
    }

    @Test
    void eval_confidenceText_endsWithTheTwoTables() {
        Run plain = eval();
        Run with = eval("--confidence", "0.25");
        assertThat(with.out()).startsWith(plain.out()).contains("Operating point: confidence >= 0.250, IoU 0.50")
                .contains("Best F1 (IoU 0.50)").contains("(all, micro)");
    }

    @Test
    void eval_confidenceWithVoc_exitCode2() {
        Run r = eval("--protocol", "voc07", "--confidence", "0.25");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--confidence");
    }

    @Test
    void eval_opIouOutsideUnitInterval_exitCode2() {
        assertThat(eval("--confidence", "0.25", "--op-iou", "1.5").code()).isEqualTo(Main.EXIT_BAD_INPUT);
    }
}
