package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deteval.eval.conformance.ConformanceCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 items 1 and 2 on the command line: {@code --confidence}, {@code --op-iou}, {@code --confusion-matrix}. */
final class EvalCommandOperatingPointTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ConformanceCase CASE = ConformanceCase.all().stream()
            .filter(c -> c.name().equals("random_s2_i100_c5")).findFirst().orElseThrow();

    record Run(int code, String out, String err) {
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

    /** The hand-built case of {@code coco.AnalysisFixtures} as COCO files. */
    static Run hand(Path dir, String... more) throws Exception {
        String box = "\"bbox\":[%d,0,10,%d]";
        StringBuilder gt = new StringBuilder("{\"images\":[{\"id\":1},{\"id\":2}],\"categories\":"
                + "[{\"id\":1,\"name\":\"cat\"},{\"id\":2,\"name\":\"dog\"}],\"annotations\":[");
        int[][] gts = {{1, 1, 0}, {1, 2, 20}, {1, 1, 40}, {1, 2, 60}, {2, 1, 0}};
        for (int i = 0; i < gts.length; i++) {
            gt.append(i == 0 ? "" : ",").append(String.format("{\"id\":%d,\"image_id\":%d,\"category_id\":%d,"
                    + box + ",\"area\":100,\"iscrowd\":0}", i + 1, gts[i][0], gts[i][1], gts[i][2], 10));
        }
        gt.append("]}");
        Object[][] dts = {{1, 1, 0, 10, 0.9}, {1, 1, 20, 10, 0.8}, {1, 1, 0, 10, 0.7}, {1, 2, 60, 4, 0.6},
            {1, 2, 100, 10, 0.5}, {2, 2, 0, 10, 0.95}, {2, 1, 0, 10, 0.4}};
        StringBuilder dt = new StringBuilder("[");
        for (int i = 0; i < dts.length; i++) {
            dt.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"image_id\":%d,\"category_id\":%d,"
                    + box + ",\"score\":%s}", dts[i][0], dts[i][1], dts[i][2], dts[i][3], dts[i][4]));
        }
        dt.append("]");
        Path gtFile = Files.writeString(dir.resolve("gt.json"), gt);
        Path dtFile = Files.writeString(dir.resolve("dt.json"), dt);
        List<String> args = new ArrayList<>(List.of("eval", "--gt", gtFile.toString(), "--dt", dtFile.toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void eval_handCaseJson_operatingPointAndConfusionMatrixWorkedOutByHand(@TempDir Path dir) throws Exception {
        Run r = hand(dir, "--confidence", "0.25", "--confusion-matrix", "class-aware", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = MAPPER.readTree(r.out());
        JsonNode op = report.get("operatingPoint");
        assertThat(List.of(op.get("tp").asInt(), op.get("fp").asInt(), op.get("fn").asInt()))
                .containsExactly(2, 5, 3);
        assertThat(report.get("bestF1").get("confidence").asDouble()).isEqualTo(0.4);
        JsonNode m = report.get("confusionMatrix");
        assertThat(m.get("matching").asText()).isEqualTo("class-aware");
        assertThat(m.get("labels").toString()).isEqualTo("[\"cat\",\"dog\",\"background\"]");
        assertThat(m.get("counts").toString()).isEqualTo("[[2,0,1],[1,0,1],[1,3,0]]");
        assertThat(m.get("rowNormalized").get(2).toString()).isEqualTo("[0.25,0.75,0.0]");
    }

    @Test
    void eval_handCaseText_confusionMatrixTable(@TempDir Path dir) throws Exception {
        Run r = hand(dir, "--confusion-matrix", "class-agnostic", "--op-iou", "0.5");
        assertThat(r.out()).contains("Detection confusion matrix (class-agnostic, IoU 0.50, confidence >= 0.000)")
                .contains("\ncat                       1          1          1\n")
                .contains("\nbackground                2          2          0\n")
                .doesNotContain("Best F1");
    }

    @Test
    void eval_reportWithAnalyses_readsBackAsBaseline(@TempDir Path dir) throws Exception {
        Run first = eval("--format", "json", "--confidence", "0.25", "--confusion-matrix", "class-aware");
        Path baseline = Files.writeString(dir.resolve("report.json"), first.out());
        Run second = eval("--rule", "AP:maxDrop=0.01", "--baseline", baseline.toString());
        assertThat(second.code()).as(second.err()).isZero();
    }

    @Test
    void eval_unknownConfusionMatrix_exitCode2() {
        assertThat(eval("--confusion-matrix", "both").code()).isEqualTo(Main.EXIT_BAD_INPUT);
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
