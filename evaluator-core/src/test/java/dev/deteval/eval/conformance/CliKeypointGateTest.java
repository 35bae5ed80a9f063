package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate on a keypoint evaluation (case {@code edge_kps_no_visible_sigmas}, where pycocotools gives
 * AR = 0.8): the keypoint name AR is checked, and a box-only name such as APs is a configuration error
 * (and AR on a box evaluation).
 */
final class CliKeypointGateTest {

    private static final ConformanceCase CASE = ConformanceCase.load(
            ConformanceCase.root().resolve("edge_kps_no_visible_sigmas"));

    private static CliConformanceTest.Run eval(String... rules) {
        List<String> args = new ArrayList<>(List.of("eval", "--gt", CASE.gt().toString(), "--dt",
                CASE.dt().toString(), "--params", CASE.paramsFile().toString()));
        for (String r : rules) {
            args.add("--rule");
            args.add(r);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new CliConformanceTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void eval_keypointArAtItsValue_rulesMet() {
        CliConformanceTest.Run r = eval("AR>=0.8", "ARm>=0.83");

        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void eval_keypointArAboveItsValue_exit1() {
        CliConformanceTest.Run r = eval("AR>=0.81");

        assertThat(r.code()).isEqualTo(Main.EXIT_RULE_VIOLATED);
        assertThat(r.out()).contains("Rule violated for dataset: AR is 0.800, but expected minimum is 0.81");
    }

    @Test
    void eval_boxOnlyMetricOnKeypoints_configurationErrorNamingTheKeypointMetrics() {
        CliConformanceTest.Run r = eval("APs>=0.1");

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("APs is not reported by this COCO evaluation (keypoints)")
                .contains("AP, AP50, AP75, APm, APl, AR, AR50, AR75, ARm, ARl");
        assertThat(r.out()).doesNotContain("Rule violated");
    }

    @Test
    void eval_keypointOnlyMetricOnBoxes_configurationError() {
        ConformanceCase box = ConformanceCase.load(ConformanceCase.root().resolve("slide_example"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"eval", "--gt", box.gt().toString(), "--dt", box.dt().toString(),
            "--rule", "AP>=0", "--rule", "AR>=0.1"}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("AR is not reported by this COCO evaluation (boxes or masks)")
                .contains("AR1, AR10, AR100");
    }
}
