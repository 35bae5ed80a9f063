package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.cli.Main;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.coco.LvisCategoryMetrics;
import dev.deteval.eval.coco.LvisEvaluator;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.io.LvisJsonReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test of LVIS mask evaluation (oracle: lvis-api 7d7f07d {@code LVISEval(gt, dt, "segm")}, each
 * case's expected.json in {@code conformance-lvis-segm/}, whose README says how they were made): the
 * thirteen stats and every category's AP, AP50, AP75 and AR within 1e-12, through the API and the CLI.
 */
final class LvisSegmConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record SegmCase(String name, Path dir, JsonNode expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<SegmCase> cases() throws URISyntaxException {
        Path root = Path.of(LvisSegmConformanceTest.class.getResource("/conformance-lvis-segm/README.md").toURI())
                .getParent();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().map(d -> {
                try {
                    return new SegmCase(d.getFileName().toString(), d,
                            MAPPER.readTree(d.resolve("expected.json").toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_segmCase_matchesLvisApi(SegmCase c) {
        LvisJsonReader.Inputs in = new LvisJsonReader(IouType.SEGM).readBoth(c.dir().resolve("gt.json"),
                c.dir().resolve("dt.json"));
        LvisResult result = LvisEvaluator.evaluate(in.groundTruth(), in.detections(), IouType.SEGM, true);

        assertThat(result.iouType()).isEqualTo(IouType.SEGM);
        for (String name : LvisCase.STAT_NAMES) {
            assertThat(result.stat(name)).as("%s %s", c, name)
                    .isCloseTo(c.expected().get("stats").get(name).asDouble(), within(LvisConformanceTest.TOLERANCE));
        }
        JsonNode rows = c.expected().get("perCategory");
        assertThat(result.perCategory()).hasSize(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            LvisCategoryMetrics got = result.perCategory().get(k);
            assertThat(got.id()).isEqualTo(rows.get(k).get("id").asLong());
            for (String m : new String[] {"AP", "AP50", "AP75", "AR"}) {
                assertThat(got.metric(m)).as("%s category %s %s", c, got.id(), m)
                        .isCloseTo(rows.get(k).get(m).asDouble(), within(LvisConformanceTest.TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eval_segmCaseJson_matchesLvisApi(SegmCase c) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"eval", "--protocol", "lvis", "--iou-type", "segm", "--gt",
            c.dir().resolve("gt.json").toString(), "--dt", c.dir().resolve("dt.json").toString(), "--format", "json"},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isZero();
        JsonNode json = MAPPER.readTree(out.toString());
        assertThat(json.get("iouType").asText()).isEqualTo("segm");
        for (String name : LvisCase.STAT_NAMES) {
            assertThat(json.get("stats").get(name).asDouble()).as("%s %s", c, name)
                    .isCloseTo(c.expected().get("stats").get(name).asDouble(), within(LvisConformanceTest.TOLERANCE));
        }
    }
}
