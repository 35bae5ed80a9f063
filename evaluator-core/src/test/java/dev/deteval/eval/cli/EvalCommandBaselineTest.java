package dev.deteval.eval.cli;

import static dev.deteval.eval.io.BadInput.GOOD_GT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.io.BadInput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, problem 7: a baseline of another iouType is not comparable, so it is bad input (exit code 2). */
final class EvalCommandBaselineTest {

    private static final String RESULTS = "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [10, 10, 20, 20],"
            + " \"score\": 0.9}]";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Run evalAgainst(String baselineIouType) {
        String gt = BadInput.write(dir, "gt.json", GOOD_GT).toString();
        String dt = BadInput.write(dir, "dt.json", RESULTS).toString();
        Run report = run("eval", "--gt", gt, "--dt", dt, "--format", "json");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("\"iouType\" : \"bbox\"");
        Path baseline = BadInput.write(dir, "baseline.json",
                report.out().replace("\"iouType\" : \"bbox\"", "\"iouType\" : \"" + baselineIouType + "\""));
        return run("eval", "--gt", gt, "--dt", dt, "--baseline", baseline.toString(), "--rule", "AP:maxDrop=0.01");
    }

    @Test
    void eval_baselineOfAnotherIouType_exitTwoNamingBoth() {
        Run r = evalAgainst("segm");

        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("deteval: error: the baseline is a segm evaluation but this"
                + " evaluation is bbox; their numbers are not comparable");
    }

    @Test
    void eval_baselineOfTheSameIouType_checksTheDrop() {
        Run r = evalAgainst("bbox");

        assertThat(r.code()).as(r.err()).isZero();
    }
}
