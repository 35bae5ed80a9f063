package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line's VOC protocols against voc_eval.py (oracle: the VOC cases' expected.json, variant
 * {@code voc_eval} and the continuous ones) and its gate (exit codes, messages, the JSON "gate" member).
 */
final class CliVocAndGateTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static List<ConformanceCase> vocCases() {
        return ConformanceCase.voc();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vocCases")
    void eval_vocDevkitLayout_matchesVocEvalPy(ConformanceCase c) throws Exception {
        JsonNode variants = c.expected().get("voc").get("variants");
        String[][] options = {{"voc_eval", "pixel", "gt"}, {"continuous_gt", "continuous", "gt"},
            {"continuous_ge", "continuous", "ge"}};
        for (String[] o : options) {
            JsonNode want = variants.get(o[0]);
            for (String protocol : new String[] {"voc07", "voc12"}) {
                Run r = run("eval", "--protocol", protocol, "--gt", c.dir().toString(), "--dt",
                        c.dir().resolve("results").toString(), "--voc-boxes", o[1], "--voc-match", o[2], "--format",
                        "json");
                assertThat(r.code()).as(r.err()).isZero();
                JsonNode json = MAPPER.readTree(r.out());
                String key = protocol.equals("voc07") ? "ap_voc07" : "ap_voc10";
                JsonNode classes = want.get("per_class");
                for (int i = 0; i < classes.size(); i++) {
                    String name = classes.get(i).get("class").asText();
                    JsonNode row = null;
                    for (JsonNode n : json.get("perClass")) {
                        if (n.get("name").asText().equals(name)) {
                            row = n;
                        }
                    }
                    assertThat(row).as("%s %s class %s", c, o[0], name).isNotNull();
                    assertThat(row.get("AP").asDouble()).as("%s %s %s %s", c, o[0], protocol, name)
                            .isCloseTo(classes.get(i).get(key).asDouble(), within(1e-12));
                }
                String mapKey = protocol.equals("voc07") ? "map_voc07" : "map_voc10";
                assertThat(json.get("mAP").asDouble()).as("%s %s %s mAP", c, o[0], protocol)
                        .isCloseTo(want.get(mapKey).asDouble(), within(1e-12));
            }
        }
    }

    private static String[] slide(String... extra) {
        Path dir = ConformanceCase.root().resolve("slide_example");
        List<String> args = new ArrayList<>(List.of("eval", "--gt", dir.resolve("gt.json").toString(), "--dt",
                dir.resolve("dt.json").toString()));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    @Test
    void eval_ruleHolds_exitZeroAndSuccessLine() {
        // slide_example: AP50 = 56/101 (pycocotools oracle)
        Run r = run(slide("--rule", "AP50>=0.55"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(CheckMessages.RULES_MET);
    }

    @Test
    void eval_ruleViolated_exitOneWithMessageRoundedAgainstUser() {
        Run r = run(slide("--rule", "AP50>=0.56", "--rule", "category:object:AP>=0.30"));
        assertThat(r.code()).isEqualTo(Main.EXIT_RULE_VIOLATED);
        // 56/101 = 0.55445... printed with three decimals (more than the limit's two), rounded down
        assertThat(r.out()).contains("AP50 is 0.554, but expected minimum is 0.56")
                .contains(CheckMessages.RULES_VIOLATED).doesNotContain("category object");
    }

    @Test
    void eval_baselineDrop_comparesWithEarlierJsonReport(@TempDir Path tmp) throws Exception {
        Run first = run(slide("--format", "json"));
        Path baseline = tmp.resolve("report.json");
        Files.writeString(baseline, first.out());

        Run same = run(slide("--baseline", baseline.toString(), "--rule", "AP:maxDrop=0.0", "--format", "json"));
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(MAPPER.readTree(same.out()).get("gate").get("passed").asBoolean()).isTrue();

        Run fewer = run(slide("--baseline", baseline.toString(), "--rule", "AP50:maxDrop=0.0", "--params",
                writeParams(tmp), "--format", "json"));
        assertThat(fewer.code()).isEqualTo(Main.EXIT_RULE_VIOLATED);
    }

    private static String writeParams(Path tmp) throws Exception {
        // one detection per image: AP50 falls below the default run's
        Path p = tmp.resolve("params.json");
        Files.writeString(p, "{\"iouThrs\":[0.5],\"maxDets\":[1,1,1]}");
        return p.toString();
    }

    @Test
    void eval_maxDropWithoutBaseline_badUsage() {
        Run r = run(slide("--rule", "AP:maxDrop=0.01"));
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--baseline");
    }

    @Test
    void eval_vocMissingDevkitFolder_exitTwoNamingIt(@TempDir Path tmp) {
        Path missing = tmp.resolve("VOC2007");
        Run r = run("eval", "--protocol", "voc07", "--gt", missing.toString(), "--dt", tmp.toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("deteval: error: ").contains(missing.toString()).doesNotContain("\tat ");
    }

    @Test
    void eval_vocMalformedAnnotationXml_exitTwoNamingFileAndLine(@TempDir Path tmp) throws Exception {
        Path devkit = tmp.resolve("devkit");
        Files.createDirectories(devkit.resolve("Annotations"));
        Files.createDirectories(devkit.resolve("ImageSets/Main"));
        Files.writeString(devkit.resolve("ImageSets/Main/test.txt"), "000001\n");
        Path xml = devkit.resolve("Annotations/000001.xml");
        Files.writeString(xml, "<annotation>\n<object><name>cat</name>\n<bndbox><xmin>1</xmin></object>\n</annotation>\n");
        Path results = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(results.resolve("det_test_cat.txt"), "000001 0.9 1 1 5 5\n");

        Run r = run("eval", "--protocol", "voc07", "--gt", devkit.toString(), "--dt", results.toString());

        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("deteval: error: ").contains("000001.xml").contains("line")
                .doesNotContain("\tat ");
    }
}
