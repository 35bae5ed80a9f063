package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval --metric} and rules on custom metrics (docs/custom-metrics.md). */
final class EvalCommandCustomMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double E1 = Math.exp(-1);

    @TempDir
    static Path dir;

    private static String gt;
    private static String dt;
    private static String untimed;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /**
     * Two images with one 10x10 box each; image 2 (time 10) has a false positive at 0.95 and a hit at 0.9,
     * image 1 (time 0) a hit at 0.8.
     */
    @BeforeAll
    static void data() throws IOException {
        gt = write("gt.json", "{\"images\": [{\"id\": 1}, {\"id\": 2}], \"categories\": [{\"id\": 1, \"name\": \"cat\"}],"
                + " \"annotations\": [{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 10, 10],"
                + " \"area\": 100, \"iscrowd\": 0}, {\"id\": 2, \"image_id\": 2, \"category_id\": 1,"
                + " \"bbox\": [0, 0, 10, 10], \"area\": 100, \"iscrowd\": 0}]}");
        dt = write("dt.json", "[{\"image_id\": 2, \"category_id\": 1, \"bbox\": [50, 50, 10, 10], \"score\": 0.95,"
                + " \"time\": 10}, {\"image_id\": 2, \"category_id\": 1, \"bbox\": [0, 0, 10, 10], \"score\": 0.9,"
                + " \"time\": 10}, {\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 10, 10], \"score\": 0.8,"
                + " \"time\": 0}]");
        untimed = write("untimed.json", "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 10, 10],"
                + " \"score\": 0.8}]");
    }

    private static String write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }

    @Test
    void eval_metricAptimeJson_customMemberWithWeightedAp() throws IOException {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--metric", "APtime:tau=10", "--metric", "APsizeW",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode custom = JSON.readTree(r.out()).get("custom");
        // image weights 1/e (time 0) and 1 (time 10): precision (1 + 1/e) / (2 + 1/e) at every recall threshold
        assertThat(custom.get("APtime").asDouble()).isCloseTo((1 + E1) / (2 + E1), within(1e-12));
        // both ground truths are small (area 100): APsizeW is APs, here the plain AP 2/3
        assertThat(custom.get("APsizeW").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void eval_ruleOnCustomMetricWithoutMetricOption_computedAndViolated() {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--rule", "aptime>=0.9");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_RULE_VIOLATED);
        // (1 + 1/e) / (2 + 1/e) = 0.57768…: rounded down to three decimals against the minimum, to four in the table
        assertThat(r.out()).contains("Rule violated for dataset: APtime is 0.577, but expected minimum is 0.9");
        assertThat(r.out()).contains("Custom metrics:\n APtime = 0.5777");
    }

    @Test
    void eval_ruleOnServiceLoadedTestMetric_passes() {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--rule", "APcopy>=0.66");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    @Test
    void eval_customMetricWithCi_intervalInJsonAndMarkdown() throws IOException {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--metric", "APsizeW", "--ci", "0.9", "--resamples", "30",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode interval = JSON.readTree(r.out()).get("intervals").get("APsizeW");
        assertThat(interval.get("level").asDouble()).isEqualTo(0.9);
        assertThat(interval.get("low").asDouble()).isLessThanOrEqualTo(interval.get("high").asDouble());
        CliRun md = run("eval", "--gt", gt, "--dt", dt, "--metric", "APsizeW", "--ci", "0.9", "--resamples", "30",
                "--format", "markdown");
        assertThat(md.out()).contains("## Custom metrics").contains("| APsizeW | 0.6667 |");
    }

    @Test
    void eval_dropLimitOnCustomMetricAgainstReport_baselineValueReadFromCustomMember() throws IOException {
        CliRun first = run("eval", "--gt", gt, "--dt", dt, "--metric", "APtime", "--format", "json");
        String report = write("baseline.json", first.out());
        CliRun same = run("eval", "--gt", gt, "--dt", dt, "--baseline", report, "--rule", "APtime:maxDrop=0.001");
        assertThat(same.code()).as(same.out() + same.err()).isZero();
        // without the hit on image 1 (weight 1/e) precision stays 1/2 up to recall 1 / (1 + 1/e): a drop
        String worse = write("worse.json", "[{\"image_id\": 2, \"category_id\": 1, \"bbox\": [50, 50, 10, 10],"
                + " \"score\": 0.95, \"time\": 10}, {\"image_id\": 2, \"category_id\": 1, \"bbox\": [0, 0, 10, 10],"
                + " \"score\": 0.9, \"time\": 10}, {\"image_id\": 1, \"category_id\": 1, \"bbox\": [50, 50, 10, 10],"
                + " \"score\": 0.8, \"time\": 0}]");
        CliRun dropped = run("eval", "--gt", gt, "--dt", worse, "--baseline", report, "--rule", "APtime:maxDrop=0.001");
        assertThat(dropped.code()).as(dropped.out() + dropped.err()).isEqualTo(Main.EXIT_RULE_VIOLATED);
        assertThat(dropped.out()).contains("Rule violated for dataset: APtime is");
    }

    @Test
    void eval_metricWithHtml_summaryTableHasTheCustomRow() throws IOException {
        Path page = dir.resolve("report.html");
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--metric", "APtime", "--html", page.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // (1 + 1/e) / (2 + 1/e) = 0.57768… with three decimals
        assertThat(Files.readString(page)).contains("<tr><td>APtime</td><td class=\"num\">0.578</td></tr>");
    }

    @Test
    void eval_significantDropOnCustomMetric_pairedComparisonTestsIt() throws IOException {
        CliRun same = run("eval", "--gt", gt, "--dt", dt, "--baseline-dt", dt, "--resamples", "40", "--format", "json",
                "--rule", "APtime:maxDrop=0.01;significance=0.05");
        assertThat(same.code()).as(same.out() + same.err()).isZero();
        JsonNode aptime = JSON.readTree(same.out()).get("comparison").get("metrics").get("APtime");
        // a file against itself: every resampled difference is 0, so p = 1
        assertThat(aptime.get("difference").asDouble()).isZero();
        assertThat(aptime.get("p").asDouble()).isEqualTo(1.0);
    }

    @Test
    void eval_timeNotANumber_exitTwoNamingFileAndPosition() throws IOException {
        String bad = write("bad.json", "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 10, 10],"
                + " \"score\": 0.8, \"time\": 0}, {\"image_id\": 2, \"category_id\": 1, \"bbox\": [0, 0, 10, 10],"
                + " \"score\": 0.7, \"time\": \"noon\"}]");
        CliRun r = run("eval", "--gt", gt, "--dt", bad, "--metric", "APtime");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(bad).contains("[1].time").contains("expected a number");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void eval_aptimeOnResultsWithoutTime_exitTwoSayingWhatIsMissing() {
        CliRun r = run("eval", "--gt", gt, "--dt", untimed, "--metric", "APtime");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(untimed).contains("APtime needs a numeric \"time\"");
    }

    @Test
    void eval_unknownMetric_exitTwoListingInstalled() {
        CliRun r = run("eval", "--gt", gt, "--dt", dt, "--metric", "APfast");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("unknown custom metric 'APfast'").contains("APtime, APsizeW");
        CliRun rule = run("eval", "--gt", gt, "--dt", dt, "--rule", "APfast>=0.1");
        assertThat(rule.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(rule.err()).contains("unknown metric 'APfast'").contains("custom metrics: APtime, APsizeW");
    }
}
