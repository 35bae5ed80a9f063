package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test of the command line against pycocotools (oracle: each case's expected.json): the JSON
 * output's stats and per-category values within 1e-12, and the text output's twelve summary lines
 * character for character; error cases exit with code 2.
 */
final class CliConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] STAT_NAMES = {"AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100",
        "ARs", "ARm", "ARl"};

    static List<ConformanceCase> bboxCases() {
        return ConformanceCase.cocoWithLocal("bbox");
    }

    record Run(int code, String out, String err) {
    }

    static Run run(ConformanceCase c, String format) {
        List<String> args = new ArrayList<>(List.of("eval", "--gt", c.gt().toString(), "--dt", c.dt().toString(),
                "--format", format));
        if (c.paramsFile() != null) {
            args.add("--params");
            args.add(c.paramsFile().toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bboxCases")
    void eval_jsonFormat_matchesPycocotools(ConformanceCase c) throws Exception {
        Run run = run(c, "json");
        if (c.status().equals("error")) {
            assertThat(run.code()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(run.err()).contains(c.dt().toString()).contains("is not in the ground truth");
            return;
        }
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        JsonNode expected = c.expected().get("coco");
        assertThat(json.get("mode").asText()).isEqualTo("compat");
        // the recall names follow the maxDets used (AR1, AR3, AR5 for maxDets [1, 3, 5])
        JsonNode maxDets = json.get("maxDets");
        String[] names = STAT_NAMES.clone();
        for (int k = 0; k < 3; k++) {
            names[6 + k] = "AR" + maxDets.get(k).asInt();
        }
        String categoryRecall = "AR" + maxDets.get(maxDets.size() - 1).asInt();
        for (int i = 0; i < names.length; i++) {
            assertThat(json.get("stats").get(names[i]).asDouble()).as("%s %s", c, names[i])
                    .isCloseTo(expected.get("stats").get(i).asDouble(), within(CocoConformanceTest.TOLERANCE));
        }
        JsonNode rows = expected.get("per_category");
        JsonNode actualRows = json.get("perCategory");
        assertThat(actualRows.size()).isEqualTo(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            JsonNode want = rows.get(k);
            JsonNode got = actualRows.get(k);
            assertThat(got.get("id").asLong()).isEqualTo(want.get("category_id").asLong());
            for (String[] pair : new String[][] {{"AP", "AP"}, {"AP50", "AP50"}, {"AP75", "AP75"}, {categoryRecall, "AR"}}) {
                assertThat(got.get(pair[0]).asDouble()).as("%s cat %s %s", c, want.get("category_id"), pair[0])
                        .isCloseTo(want.get(pair[1]).asDouble(), within(CocoConformanceTest.TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bboxCases")
    void eval_textFormat_printsPycocotoolsSummaryLines(ConformanceCase c) {
        Run run = run(c, "text");
        if (c.status().equals("error")) {
            assertThat(run.code()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            return;
        }
        assertThat(run.code()).as(run.err()).isZero();
        List<String> expectedLines = new ArrayList<>();
        c.expected().get("coco").get("summary_lines").forEach(n -> expectedLines.add(n.asText()));
        List<String> lines = run.out().lines().toList();
        assertThat(lines.subList(1, 13)).containsExactlyElementsOf(expectedLines);
    }
}
