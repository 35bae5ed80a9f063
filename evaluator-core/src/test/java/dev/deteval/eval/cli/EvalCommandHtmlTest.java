package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.conformance.ConformanceCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 6 on the command line: {@code --html}. The page in a browser: HtmlReportChromiumIT. */
final class EvalCommandHtmlTest {

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
    void eval_html_writesThePageAndLeavesStandardOutputUnchanged(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("sub/report.html");
        Run plain = eval("--format", "json");
        Run with = eval("--format", "json", "--html", page.toString(), "--rule", "AP>=0");
        assertThat(with.code()).isZero();
        String json = with.out();
        // the same report plus the gate member the rule adds
        assertThat(json.substring(0, json.indexOf(",\n  \"gate\""))).isEqualTo(plain.out().substring(0,
                plain.out().lastIndexOf("\n}")));
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains(CheckMessages.RULES_MET)
                .contains("id=\"pr-curves\"").contains("id=\"confidence-curves\"").contains("id=\"confusion-matrix\"")
                .endsWith("</html>\n");
    }

    @Test
    void eval_htmlNamesAFolder_exitCode2NamingIt(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("report.html"));
        Run r = eval("--html", folder.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("deteval: error: " + folder + ": ").doesNotContain("Exception");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void eval_formatHtml_refusedWithExitCode2() {
        Run r = eval("--format", "html");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format html");
        assertThat(r.out()).isEmpty();
    }
}
