package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deteval.eval.io.VocReader;
import dev.deteval.eval.voc.BoxConvention;
import dev.deteval.eval.voc.MatchRule;
import dev.deteval.eval.voc.VocClassResult;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import dev.deteval.eval.voc.VocEvaluator;
import dev.deteval.eval.voc.VocParams;
import dev.deteval.eval.voc.VocResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test against voc_eval.py (oracle: each VOC case's expected.json, made with py-faster-rcnn
 * commit 781a917b's voc_ap and numpy 1.24.2): every VOC case, read from the devkit layout and from the
 * JSON files, under the three variants of expected.json, within 1e-12.
 */
final class VocConformanceTest {

    static final double TOLERANCE = 1e-12;

    enum Source { DEVKIT, JSON }

    static Stream<Arguments> casesAndVariants() {
        List<Arguments> out = new ArrayList<>();
        for (ConformanceCase c : ConformanceCase.voc()) {
            for (String variant : List.of("voc_eval", "continuous_gt", "continuous_ge")) {
                for (Source source : Source.values()) {
                    out.add(Arguments.of(c, variant, source));
                }
            }
        }
        return out.stream();
    }

    static VocParams params(String variant) {
        return switch (variant) {
            case "voc_eval" -> VocParams.defaults();
            case "continuous_gt" -> VocParams.defaults().withBoxConvention(BoxConvention.CONTINUOUS);
            case "continuous_ge" -> VocParams.defaults().withBoxConvention(BoxConvention.CONTINUOUS)
                    .withMatchRule(MatchRule.GREATER_OR_EQUAL);
            default -> throw new IllegalArgumentException(variant);
        };
    }

    static VocResult evaluate(ConformanceCase c, Source source, VocParams params) {
        VocReader reader = new VocReader();
        VocDataset gt = source == Source.DEVKIT ? reader.readGroundTruth(c.dir())
                : reader.readGroundTruth(c.gt());
        VocDetections dt = source == Source.DEVKIT ? reader.readDetections(c.dir().resolve("results"), gt)
                : reader.readDetections(c.dt(), gt);
        assertThat(reader.warnings()).as("%s %s warnings", c, source).isEmpty();
        return VocEvaluator.evaluate(gt, dt, params);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("casesAndVariants")
    void evaluate_conformanceCase_matchesVocEval(ConformanceCase c, String variant, Source source) {
        JsonNode expected = c.expected().get("voc").get("variants").get(variant);
        VocResult result = evaluate(c, source, params(variant));

        JsonNode rows = expected.get("per_class");
        assertThat(result.perClass()).hasSize(rows.size());
        for (JsonNode row : rows) {
            String name = row.get("class").asText();
            VocClassResult r = result.classResult(name);
            String what = c + " " + variant + " " + source + " " + name;
            assertThat(r).as(what).isNotNull();
            assertThat(r.npos()).as("%s npos", what).isEqualTo(row.get("npos").asInt());
            assertThat(r.ndet()).as("%s ndet", what).isEqualTo(row.get("ndet").asInt());
            assertThat(r.tp()).as("%s tp", what).isEqualTo(row.get("tp").asInt());
            assertThat(r.fp()).as("%s fp", what).isEqualTo(row.get("fp").asInt());
            assertThat(r.ignoredDifficult()).as("%s ignored", what).isEqualTo(row.get("ignored_difficult").asInt());
            assertThat(r.scoreTies()).as("%s ties", what).isEqualTo(row.get("score_ties").asBoolean());
            assertThat(r.ap07()).as("%s ap07", what).isCloseTo(row.get("ap_voc07").asDouble(), within(TOLERANCE));
            assertThat(r.ap10()).as("%s ap10", what).isCloseTo(row.get("ap_voc10").asDouble(), within(TOLERANCE));
            assertThat(r.finalRecall()).as("%s recall", what)
                    .isCloseTo(row.get("final_recall").asDouble(), within(TOLERANCE));
            assertThat(r.finalPrecision()).as("%s precision", what)
                    .isCloseTo(row.get("final_precision").asDouble(), within(TOLERANCE));
        }
        assertThat(result.map07()).as("%s %s %s mAP07", c, variant, source)
                .isCloseTo(expected.get("map_voc07").asDouble(), within(TOLERANCE));
        assertThat(result.map10()).as("%s %s %s mAP10", c, variant, source)
                .isCloseTo(expected.get("map_voc10").asDouble(), within(TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.deteval.eval.conformance.ConformanceCase#voc")
    void readGroundTruth_jsonFile_keepsDeclaredClassOrder(ConformanceCase c) {
        List<String> declared = new ArrayList<>();
        c.expected().get("voc").get("classes").forEach(n -> declared.add(n.asText()));

        VocDataset gt = new VocReader().readGroundTruth(c.gt());

        assertThat(gt.classes()).containsExactlyElementsOf(declared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.deteval.eval.conformance.ConformanceCase#voc")
    void readGroundTruth_devkitWithGivenClasses_matchesVocEvalMapExactly(ConformanceCase c) {
        List<String> declared = new ArrayList<>();
        c.expected().get("voc").get("classes").forEach(n -> declared.add(n.asText()));
        VocReader reader = new VocReader().withImageSet("test").withClasses(declared);
        VocDataset gt = reader.readGroundTruth(c.dir());
        VocDetections dt = reader.readDetections(c.dir().resolve("results"), gt);

        VocResult result = VocEvaluator.evaluate(gt, dt, VocParams.defaults());

        JsonNode expected = c.expected().get("voc").get("variants").get("voc_eval");
        assertThat(gt.classes()).containsExactlyElementsOf(declared);
        assertThat(result.map07()).isEqualTo(expected.get("map_voc07").asDouble());
        assertThat(result.map10()).isEqualTo(expected.get("map_voc10").asDouble());
    }
}
