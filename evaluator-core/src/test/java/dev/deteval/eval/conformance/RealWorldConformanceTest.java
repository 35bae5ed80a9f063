package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.cli.Main;
import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import dev.deteval.eval.io.InputException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test on third-party files (src/test/resources/realworld/, see its README.md): every case's
 * expected.json was made by pycocotools (cocoapi commit 8c9bcc3, numpy 1.24.2) and, for cases with a
 * {@code voc/} folder, by py-faster-rcnn's voc_eval.py. Every stat and per-category value through the API
 * and through {@code deteval eval --format json}, and the VOC devkit folder's per-class AP and mAP for
 * both protocols, all within 1e-12. Where pycocotools fails ({@code status: error}), deteval exits 2
 * with a one-line message.
 */
final class RealWorldConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<ConformanceCase> cases() {
        return ConformanceCase.realWorld();
    }

    static List<ConformanceCase> vocCases() {
        return cases().stream().filter(c -> Files.isDirectory(c.dir().resolve("voc"))).toList();
    }

    /** Where each error case goes wrong and what deteval's message says about it. */
    private record Failure(String file, String location, String problem) {
    }

    /**
     * fce_ignore_2299_string_id: images[0].id is "2299" but annotations[1].image_id is 2299 (and so are
     * the results'); pycocotools fails in loadRes, deteval already on the ground truth's mix.
     */
    private static final Map<String, Failure> ERRORS = Map.of("fce_ignore_2299_string_id", new Failure("gt.json",
            "annotations[1].image_id", "image id 2299 is a number, but images[0].id is a string"));

    private static CocoParams params(ConformanceCase c) {
        return c.paramsFile() == null ? CocoParams.defaults() : CocoParamsReader.read(c.paramsFile(), CocoMode.COMPAT);
    }

    private static CocoResult evaluate(ConformanceCase c) {
        CocoParams params = params(c);
        CocoJsonReader reader = new CocoJsonReader(params.iouType());
        GroundTruth gt = reader.readGroundTruth(c.gt());
        Detections dt = reader.readResults(c.dt(), gt);
        return CocoEvaluator.evaluate(gt, dt, params);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_realWorldCase_matchesPycocotools(ConformanceCase c) {
        if (c.status().equals("error")) {
            Failure f = ERRORS.get(c.name());
            assertThatThrownBy(() -> evaluate(c)).isInstanceOf(InputException.class)
                    .hasMessageContaining(c.dir().resolve(f.file()).toString()).hasMessageContaining(f.location())
                    .hasMessageContaining(f.problem());
            return;
        }
        CocoResult result = evaluate(c);

        JsonNode stats = c.expected().get("stats");
        assertThat(result.summary().statNames()).containsAll(names(stats));
        for (String name : names(stats)) {
            assertThat(result.summary().stat(name)).as("%s %s", c, name)
                    .isCloseTo(stats.get(name).asDouble(), within(CocoConformanceTest.TOLERANCE));
        }
        JsonNode rows = c.expected().get("perCategory");
        assertThat(result.perCategory()).hasSize(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            JsonNode want = rows.get(k);
            CategoryMetrics got = result.perCategory().get(k);
            assertThat(got.id()).as("%s row %d", c, k).isEqualTo(want.get("id").asLong());
            for (String name : names(want)) {
                if (name.equals("id")) {
                    continue;
                }
                double actual = name.equals("AR") ? got.ar() : got.metric(name);
                assertThat(actual).as("%s category %s %s", c, want.get("id"), name)
                        .isCloseTo(want.get(name).asDouble(), within(CocoConformanceTest.TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eval_jsonFormat_matchesPycocotools(ConformanceCase c) throws Exception {
        List<String> args = new ArrayList<>(List.of("eval", "--gt", c.gt().toString(), "--dt", c.dt().toString(),
                "--format", "json"));
        if (c.paramsFile() != null) {
            args.addAll(List.of("--params", c.paramsFile().toString()));
        }
        CliVocAndGateTest.Run run = CliVocAndGateTest.run(args.toArray(new String[0]));
        if (c.status().equals("error")) {
            assertThat(run.code()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(run.out()).isEmpty();
            Failure f = ERRORS.get(c.name());
            assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                    .contains(c.dir().resolve(f.file()).toString()).contains(f.location()).contains(f.problem()));
            return;
        }
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());

        JsonNode stats = c.expected().get("stats");
        assertThat(names(json.get("stats"))).containsAll(names(stats));
        for (String name : names(stats)) {
            assertThat(json.get("stats").get(name).asDouble()).as("%s %s", c, name)
                    .isCloseTo(stats.get(name).asDouble(), within(CocoConformanceTest.TOLERANCE));
        }
        JsonNode rows = c.expected().get("perCategory");
        JsonNode actualRows = json.get("perCategory");
        assertThat(actualRows.size()).isEqualTo(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            JsonNode want = rows.get(k);
            JsonNode got = actualRows.get(k);
            assertThat(got.get("id").asLong()).as("%s row %d", c, k).isEqualTo(want.get("id").asLong());
            // the JSON names the per-category recall by the largest maxDets (AR100; keypoints too)
            List<String> gotNames = names(got);
            String recall = gotNames.get(gotNames.size() - 1);
            assertThat(recall).startsWith("AR");
            for (String name : names(want)) {
                if (name.equals("id")) {
                    continue;
                }
                String key = name.equals("AR") ? recall : name;
                assertThat(got.get(key).asDouble()).as("%s category %s %s", c, want.get("id"), name)
                        .isCloseTo(want.get(name).asDouble(), within(CocoConformanceTest.TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vocCases")
    void eval_vocDevkitFolder_matchesVocEvalPy(ConformanceCase c) throws Exception {
        JsonNode voc = c.expected().get("voc");
        for (String protocol : new String[] {"voc07", "voc12"}) {
            CliVocAndGateTest.Run run = CliVocAndGateTest.run("eval", "--protocol", protocol, "--gt",
                    c.dir().resolve("voc").toString(), "--dt", c.dir().resolve("voc/results").toString(),
                    "--format", "json");
            assertThat(run.code()).as(run.err()).isZero();
            JsonNode json = MAPPER.readTree(run.out());

            JsonNode want = voc.get(protocol);
            List<String> classes = names(want.get("perClass"));
            List<String> gotClasses = new ArrayList<>();
            for (JsonNode row : json.get("perClass")) {
                gotClasses.add(row.get("name").asText());
                if (want.get("perClass").has(row.get("name").asText())) {
                    assertThat(row.get("AP").asDouble()).as("%s %s %s", c, protocol, row.get("name"))
                            .isCloseTo(want.get("perClass").get(row.get("name").asText()).asDouble(),
                                    within(CocoConformanceTest.TOLERANCE));
                }
            }
            assertThat(gotClasses).containsExactlyInAnyOrderElementsOf(classes);
            assertThat(json.get("mAP").asDouble()).as("%s %s mAP", c, protocol)
                    .isCloseTo(want.get("mAP").asDouble(), within(CocoConformanceTest.TOLERANCE));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
