package dev.deteval.eval.cli;

import static dev.deteval.eval.io.BadInput.GOOD_GT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.io.BadInput;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, problem 7: a baseline of another iouType is not comparable, so it is bad input (exit code 2). */
final class EvalCommandBaselineTest {

    private static final String RESULTS = "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [10, 10, 20, 20],"
            + " \"score\": 0.9}]";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private CliRun evalAgainst(String baselineIouType) {
        String gt = BadInput.write(dir, "gt.json", GOOD_GT).toString();
        String dt = BadInput.write(dir, "dt.json", RESULTS).toString();
        CliRun report = run("eval", "--gt", gt, "--dt", dt, "--format", "json");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("\"iouType\" : \"bbox\"");
        Path baseline = BadInput.write(dir, "baseline.json",
                report.out().replace("\"iouType\" : \"bbox\"", "\"iouType\" : \"" + baselineIouType + "\""));
        return run("eval", "--gt", gt, "--dt", dt, "--baseline", baseline.toString(), "--rule", "AP:maxDrop=0.01");
    }

    @Test
    void eval_baselineOfAnotherIouType_exitTwoNamingBoth() {
        CliRun r = evalAgainst("segm");

        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("deteval: error: the baseline is a segm evaluation but this"
                + " evaluation is bbox; their numbers are not comparable");
    }

    @Test
    void eval_baselineOfTheSameIouType_checksTheDrop() {
        CliRun r = evalAgainst("bbox");

        assertThat(r.code()).as(r.err()).isZero();
    }
}
