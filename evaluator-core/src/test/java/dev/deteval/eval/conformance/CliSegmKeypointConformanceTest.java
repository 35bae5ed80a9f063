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
 * Golden test of {@code deteval eval --iou-type segm|keypoints} against pycocotools (oracle: each case's
 * expected.json, cocoapi commit 8c9bcc3): the JSON output's stats (keypoints: the ten keypoint names) and
 * per-category values within 1e-12, and the text output's summary lines character for character.
 */
final class CliSegmKeypointConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<ConformanceCase> cases() {
        return SegmKeypointConformanceTest.cases();
    }

    private static CliConformanceTest.Run run(ConformanceCase c, String format) {
        List<String> args = List.of("eval", "--gt", c.gt().toString(), "--dt", c.dt().toString(), "--format", format,
                "--params", c.paramsFile().toString(), "--iou-type", c.iouType());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new CliConformanceTest.Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eval_jsonFormat_matchesPycocotools(ConformanceCase c) throws Exception {
        CliConformanceTest.Run run = run(c, "json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        JsonNode expected = c.expected().get("coco");
        assertThat(json.get("iouType").asText()).isEqualTo(c.iouType());
        List<String> names = new ArrayList<>();
        json.get("stats").fieldNames().forEachRemaining(names::add);
        List<String> labels = new ArrayList<>();
        expected.get("stats_labels").forEach(n -> labels.add(n.asText()));
        boolean keypoints = c.iouType().equals("keypoints");
        if (keypoints) {
            assertThat(names).containsExactly("AP", "AP50", "AP75", "APm", "APl", "AR", "AR50", "AR75", "ARm", "ARl");
        }
        for (int i = 0; i < labels.size(); i++) {
            String name = names.get(i);
            assertThat(json.get("stats").get(name).asDouble()).as("%s %s (%s)", c, name, labels.get(i))
                    .isCloseTo(expected.get("stats").get(i).asDouble(), within(CocoConformanceTest.TOLERANCE));
        }
        JsonNode rows = expected.get("per_category");
        JsonNode actualRows = json.get("perCategory");
        assertThat(actualRows.size()).isEqualTo(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            for (String key : new String[] {"AP", "AP50", "AP75"}) {
                assertThat(actualRows.get(k).get(key).asDouble()).as("%s row %d %s", c, k, key)
                        .isCloseTo(rows.get(k).get(key).asDouble(), within(CocoConformanceTest.TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eval_textFormat_printsPycocotoolsSummaryLines(ConformanceCase c) {
        CliConformanceTest.Run run = run(c, "text");

        assertThat(run.code()).as(run.err()).isZero();
        List<String> expectedLines = new ArrayList<>();
        c.expected().get("coco").get("summary_lines").forEach(n -> expectedLines.add(n.asText()));
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("COCO " + c.iouType() + " evaluation");
        assertThat(lines.subList(1, 1 + expectedLines.size())).containsExactlyElementsOf(expectedLines);
    }
}
