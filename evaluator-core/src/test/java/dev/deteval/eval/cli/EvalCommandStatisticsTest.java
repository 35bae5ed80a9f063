package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.deteval.eval.synth.SyntheticCoco;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --ci}, {@code --baseline-dt} with significance rules, and {@code compare}, on synthetic data. */
final class EvalCommandStatisticsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static String gt;
    private static String dt;
    private static String degraded;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** 100 synthetic images; the degraded copy moves every box by a quarter of its width. */
    @BeforeAll
    static void data() throws IOException {
        new SyntheticCoco(100, 3).write(dir);
        gt = dir.resolve("instances.json").toString();
        dt = dir.resolve("detections.json").toString();
        ArrayNode results = (ArrayNode) JSON.readTree(dir.resolve("detections.json").toFile());
        for (JsonNode r : results) {
            ArrayNode box = (ArrayNode) r.get("bbox");
            box.set(0, box.get(0).asDouble() + 0.25 * box.get(2).asDouble());
        }
        Path file = dir.resolve("degraded.json");
        JSON.writeValue(file.toFile(), results);
        degraded = file.toString();
    }

    @Test
    void eval_ciJson_intervalsForHeadlineAndCategories() throws IOException {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--ci", "0.9", "--resamples", "50", "--seed", "4", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        JsonNode ap = report.get("intervals").get("AP");
        assertThat(ap.get("level").asDouble()).isEqualTo(0.9);
        assertThat(ap.get("resamples").asInt()).isEqualTo(50);
        assertThat(ap.get("low").asDouble()).isLessThanOrEqualTo(report.get("stats").get("AP").asDouble());
        assertThat(ap.get("high").asDouble()).isGreaterThanOrEqualTo(report.get("stats").get("AP").asDouble());
        assertThat(report.get("intervals").fieldNames()).toIterable().containsExactly("AP", "AP50", "AP75", "AR100");
        JsonNode row = report.get("perCategory").get(0);
        assertThat(row.get("intervals").get("AP").get("low").asDouble()).isLessThanOrEqualTo(row.get("AP").asDouble());
    }

    @Test
    void eval_ciText_sectionNamesLevelAndResamples() {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--ci", "0.9", "--resamples", "20");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Bootstrap 90% confidence intervals (percentile; 20 resamples of the images,"
                + " seed 1):");
    }

    @Test
    void eval_significanceRuleWithoutBaselineDetections_exitTwo() {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--rule", "AP:maxDrop=0.01;significance=0.05");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("deteval: error: a maxDrop rule with a significance needs --baseline-dt");
    }

    @Test
    void eval_resamplesWithoutCi_exitTwo() {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--resamples", "10");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--resamples applies to the bootstrap of --ci or --baseline-dt");
    }

    @Test
    void eval_ciOutsideUnitInterval_exitTwo() {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--ci", "95");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("strictly between 0 and 1");
    }

    @Test
    void eval_degradedAgainstBaselineDetections_significantDropViolates() {
        CliRun r = run("eval", "--gt", gt, "--dt", degraded, "--baseline-dt", dt, "--resamples", "200",
                "--rule", "AP:maxDrop=0.01;significance=0.05");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_RULE_VIOLATED);
        assertThat(r.out()).containsPattern("Rule violated for dataset: AP is [0-9.]+ against baseline [0-9.]+, a drop"
                + " of [0-9.]+ \\(95% CI [0-9.]+–[0-9.]+, p = [0-9.]+\\), but expected maximum drop is 0.01 at"
                + " significance 0.05");
    }

    @Test
    void compare_fileWithItself_zeroDifferenceAndPOne() throws IOException {
        CliRun r = run("compare", "--gt", gt, "--dt", dt, "--baseline-dt", dt, "--resamples", "100", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode metrics = JSON.readTree(r.out()).get("metrics");
        assertThat(metrics.fieldNames()).toIterable().containsExactly("AP", "AP50", "AP75", "AR100");
        for (JsonNode m : metrics) {
            assertThat(m.get("difference").asDouble()).isZero();
            assertThat(m.get("p").asDouble()).isEqualTo(1.0);
            assertThat(m.get("candidate").asDouble()).isEqualTo(m.get("baseline").asDouble());
        }
    }

    @Test
    void compare_degradedCopyMarkdown_tableWithSignificantDrop() {
        CliRun r = run("compare", "--gt", gt, "--dt", degraded, "--baseline-dt", dt, "--resamples", "100",
                "--format", "markdown");
        assertThat(r.code()).as(r.err()).isZero();
        // with every resampled difference below 0 the p-value is its floor, 2 · 1 / (100 + 1)
        assertThat(r.out()).contains("| metric | candidate | baseline | difference | 95% CI | p |")
                .containsPattern("\\| AP \\| [0-9.]+ \\| [0-9.]+ \\| -[0-9.]+ \\| -[0-9.]+ to -[0-9.]+ \\| 0.020 \\|");
    }

    @Test
    void compare_formatHtmlOrJunit_rejectedAsEvalRejectsThem() {
        for (String format : new String[] {"html", "junit", "xml"}) {
            CliRun r = run("compare", "--gt", gt, "--dt", dt, "--baseline-dt", dt, "--resamples", "10", "--format",
                    format);
            assertThat(r.code()).as(format).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(r.out()).as(format).isEmpty();
            assertThat(r.err()).as(format).isEqualTo("deteval: error: --format " + format
                    + ": expected text, json or markdown\n");
            assertThat(run("eval", "--gt", gt, "--dt", dt, "--format", format).err()).isEqualTo(r.err());
        }
    }

    @Test
    void compare_missingBaselineDetections_usageErrorExitTwo() {
        CliRun r = run("compare", "--gt", gt, "--dt", dt);
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--baseline-dt");
    }
}
