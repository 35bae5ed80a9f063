package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.conformance.ConformanceCase;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Re-accumulation with image weights: with every weight 1 it reproduces the plain evaluation bit for bit
 * (on every COCO case of the conformance suite, whose plain values are checked against pycocotools by
 * the conformance tests), and weight 2 equals evaluating data in which the image occurs twice.
 */
final class ResamplerTest {

    static List<ConformanceCase> cases() {
        return ConformanceCase.all().stream().filter(c -> c.kind().equals("coco") && c.status().equals("ok"))
                .toList();
    }

    private static OutcomeTable evaluate(ConformanceCase c) {
        CocoParams params = c.paramsFile() == null ? CocoParams.defaults()
                : CocoParamsReader.read(c.paramsFile(), CocoMode.COMPAT);
        CocoJsonReader reader = new CocoJsonReader(params.iouType());
        GroundTruth gt = reader.readGroundTruth(c.gt());
        Detections dt = reader.readResults(c.dt(), gt);
        return OutcomeTable.evaluate(gt, dt, params, false);
    }

    /** Every headline and per-category metric, so every (area, maxDets) pair is re-accumulated. */
    private static List<CocoMetric> everyMetric(CocoParams p) {
        List<CocoMetric> all = new ArrayList<>(CocoMetric.headline(p));
        all.addAll(CocoMetric.perCategory(p));
        return all;
    }

    /** The plain headline values, in {@link CocoSummary#namedMetrics()} order. */
    private static double[] named(CocoResult r) {
        return r.summary().values().values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void values_allWeightsOne_equalPlainEvaluationBitForBit(ConformanceCase c) {
        OutcomeTable table = evaluate(c);
        CocoParams p = table.params();
        Resampler resampler = new Resampler(table, everyMetric(p));
        int[] ones = new int[table.imageCount()];
        Arrays.fill(ones, 1);
        resampler.accumulate(ones);

        List<CocoMetric> headline = table.result().summary().namedMetrics();
        assertThat(resampler.values(headline, -1)).as("%s headline", c).containsExactly(named(table.result()));
        List<CocoMetric> perCategory = CocoMetric.perCategory(p);
        for (int k = 0; k < table.categoryRows(); k++) {
            CategoryMetrics row = table.result().perCategory().get(k);
            double[] expected = perCategory.stream().mapToDouble(m -> row.metric(m.name())).toArray();
            assertThat(resampler.values(perCategory, k)).as("%s category %d", c, row.id()).containsExactly(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_keepingOutcomes_sameResultAsPlainEvaluation(ConformanceCase c) {
        OutcomeTable table = evaluate(c);
        CocoResult plain = CocoEvaluator.evaluate(readGt(c, table.params()), readDt(c, table.params()),
                table.params(), false);
        assertThat(table.result().summary().stats()).containsExactly(plain.summary().stats());
        assertThat(table.result().tables().precisionArray()).containsExactly(plain.tables().precisionArray());
    }

    private static GroundTruth readGt(ConformanceCase c, CocoParams p) {
        return new CocoJsonReader(p.iouType()).readGroundTruth(c.gt());
    }

    private static Detections readDt(ConformanceCase c, CocoParams p) {
        CocoJsonReader reader = new CocoJsonReader(p.iouType());
        return reader.readResults(c.dt(), reader.readGroundTruth(c.gt()));
    }

    @Test
    void values_weightTwo_equalPlainEvaluationWithTheImageTwice() {
        DetectionModel.Scene scene = DetectionModel.scene(60, 7);
        DetectionModel.Output output = DetectionModel.DEFAULT.detect(scene, 8);
        int[] copies = DetectionModel.ones(60);
        copies[3] = 2;
        copies[17] = 2;
        copies[42] = 3;
        copies[50] = 0;
        // scores are continuous, so the copies of a detection sit next to each other in the merged order,
        // the order the weighted accumulation assumes
        CocoResult repeated = CocoEvaluator.evaluate(scene.groundTruth(copies), output.detections(copies),
                CocoParams.defaults(), false);

        OutcomeTable table = OutcomeTable.evaluate(scene.groundTruth(), output.detections(), CocoParams.defaults(),
                false);
        Resampler resampler = new Resampler(table, everyMetric(table.params()));
        resampler.accumulate(copies); // image ids 1..60 are image indices 0..59
        assertThat(resampler.values(repeated.summary().namedMetrics(), -1)).containsExactly(named(repeated));
        List<CocoMetric> perCategory = CocoMetric.perCategory(table.params());
        for (int k = 0; k < 2; k++) {
            CategoryMetrics row = repeated.perCategory().get(k);
            assertThat(resampler.values(perCategory, k))
                    .containsExactly(perCategory.stream().mapToDouble(m -> row.metric(m.name())).toArray());
        }
    }
}
