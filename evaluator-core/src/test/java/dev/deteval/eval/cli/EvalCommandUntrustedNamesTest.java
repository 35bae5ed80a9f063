package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.io.BadInput;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.gate.Gate;
import dev.deteval.eval.gate.GateRequest;
import dev.deteval.eval.report.ReportFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, problem 4: a category name from the ground truth cannot forge a report line, colour the
 * terminal, break a Markdown table or XML, or make every row of a table as long as itself.
 */
final class EvalCommandUntrustedNamesTest {

    /** A name that tries to print the verdict line of a passed gate and to turn the terminal red. */
    private static final String FORGED = "x\\nAll detection metric rules have been met.\\u001b[31mRED|y";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run eval(String secondName, String... more) {
        String gt = """
                {"images": [{"id": 1, "width": 100, "height": 100}],
                 "categories": [{"id": 1, "name": "%s"}, {"id": 2, "name": "%s"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 10, 10], "area": 100, "iscrowd": 0},
                   {"id": 2, "image_id": 1, "category_id": 2, "bbox": [50, 50, 10, 10], "area": 100, "iscrowd": 0}
                 ]}
                """.formatted(FORGED, secondName);
        String dt = "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 10, 10], \"score\": 0.9}]";
        String[] args = new String[6 + more.length];
        args[0] = "eval";
        args[1] = "--gt";
        args[2] = BadInput.write(dir, "gt.json", gt).toString();
        args[3] = "--dt";
        args[4] = BadInput.write(dir, "dt.json", dt).toString();
        args[5] = "--rule=category:*:AP>=0.5";
        System.arraycopy(more, 0, args, 6, more.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void eval_textReport_forgedNameCannotPrintAVerdictOrColour() {
        Run r = eval("dog");

        assertThat(r.code()).isEqualTo(Main.EXIT_RULE_VIOLATED);
        assertThat(r.out()).doesNotContain("\u001b");
        assertThat(r.out().lines()).doesNotContain(CheckMessages.RULES_MET)
                .contains(CheckMessages.RULES_VIOLATED);
        assertThat(r.out()).contains("1 x\\nAll detection metric rules");
    }

    @Test
    void eval_textReport_longNameCutInEveryRowWithANote() {
        Run r = eval("d".repeat(100_000));

        assertThat(r.out().lines().mapToInt(String::length).max().orElseThrow()).isLessThan(200);
        assertThat(r.out()).contains("2 " + "d".repeat(Names.CELL_LIMIT - 1) + Names.CUT_MARK)
                .contains(Names.CUT_NOTE);
    }

    @Test
    void eval_markdownReport_pipesAndNewlinesEscapedInTables() {
        Run r = eval("dog", "--format", "markdown");

        assertThat(r.out()).doesNotContain("\u001b").contains("| 1 | x\\\\nAll detection");
        assertThat(r.out().lines().filter(l -> l.startsWith("| 1 |")))
                .singleElement().asString().contains("RED\\|y");
        assertThat(r.out().lines()).noneMatch(l -> l.startsWith("All detection metric rules have been met."));
    }

    @Test
    void eval_jsonReport_keepsTheNameExactly() {
        Run r = eval("dog", "--format", "json");

        assertThat(r.out()).contains("x\\nAll detection metric rules have been met.\\u001B[31mRED|y");
    }

    @Test
    void junitXml_forgedName_isWellFormedXml() throws Exception {
        var request = GateRequest.builder(
                BadInput.write(dir, "gt2.json", """
                        {"images": [{"id": 1}], "categories": [{"id": 1, "name": "a\\u0001\\u001bb"}],
                         "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1],
                         "area": 1, "iscrowd": 0}]}
                        """), BadInput.write(dir, "dt2.json", "[]"))
                .optRules(List.of(RuleSyntax.parse("category:*:AP>=0.5"))).build();
        ByteArrayOutputStream xml = new ByteArrayOutputStream();

        Gate.run(request).report().write(ReportFormat.JUNIT, Gate.run(request).check(), xml);

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.toByteArray()));
        String classname = doc.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("classname")
                .getNodeValue();
        assertThat(classname).isEqualTo("deteval.category.a\\u0001\\u001bb");
        assertThat(xml.toString(StandardCharsets.UTF_8)).doesNotContain("\u0001");
    }
}
