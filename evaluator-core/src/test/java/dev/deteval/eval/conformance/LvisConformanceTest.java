package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deteval.eval.coco.LvisCategoryMetrics;
import dev.deteval.eval.coco.LvisEvaluator;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.coco.PrecisionTable;
import dev.deteval.eval.io.LvisJsonReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test of the LVIS evaluation through the API against lvis-api (oracle: each case's expected.json
 * and detail.json in {@code conformance-lvis/}, from lvis-api 7d7f07d): the thirteen stats, every
 * category's AP, AP50, AP75 and AR, the filter counts, and the whole precision and recall arrays.
 */
final class LvisConformanceTest {

    static final double TOLERANCE = 1e-12;

    static List<LvisCase> cases() {
        return LvisCase.all();
    }

    private static LvisResult evaluate(LvisCase c, boolean parallel) {
        LvisJsonReader reader = new LvisJsonReader();
        LvisJsonReader.Inputs in = reader.readBoth(c.gt(), c.dt());
        return LvisEvaluator.evaluate(in.groundTruth(), in.detections(), parallel);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_lvisCase_statsMatchLvisApi(LvisCase c) {
        LvisResult result = evaluate(c, true);
        JsonNode stats = c.expected().get("stats");
        for (String name : LvisCase.STAT_NAMES) {
            assertThat(result.stat(name)).as("%s %s", c, name)
                    .isCloseTo(stats.get(name).asDouble(), within(TOLERANCE));
        }
        assertThat(result.stats().keySet()).containsExactly(LvisCase.STAT_NAMES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_lvisCase_perCategoryMatchesLvisApi(LvisCase c) {
        LvisResult result = evaluate(c, false);
        JsonNode rows = c.expected().get("perCategory");
        assertThat(result.perCategory()).hasSize(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            JsonNode want = rows.get(k);
            LvisCategoryMetrics got = result.perCategory().get(k);
            assertThat(got.id()).isEqualTo(want.get("id").asLong());
            assertThat(got.frequency().letter()).isEqualTo(want.get("frequency").asText());
            for (String m : new String[] {"AP", "AP50", "AP75", "AR"}) {
                assertThat(got.metric(m)).as("%s category %s %s", c, got.id(), m)
                        .isCloseTo(want.get(m).asDouble(), within(TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_lvisCase_filterCountsMatchLvisApi(LvisCase c) {
        LvisResult.Counts counts = evaluate(c, true).counts();
        JsonNode inputs = c.expected().get("inputs");
        assertThat(counts.detections()).isEqualTo(inputs.get("detections").asInt());
        assertThat(counts.keptByCap()).isEqualTo(inputs.get("detections_kept_by_cap").asInt());
        assertThat(counts.evaluated()).isEqualTo(inputs.get("detections_evaluated").asInt());
        assertThat(counts.groundTruthEvaluated()).isEqualTo(inputs.get("gt_evaluated").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_lvisCase_tablesMatchLvisApiArrays(LvisCase c) throws Exception {
        PrecisionTable tables = evaluate(c, true).tables();
        JsonNode detail = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                c.dir().resolve("detail.json").toFile());
        JsonNode precision = detail.get("precision");
        JsonNode recall = detail.get("recall");
        int[] shape = tables.shape();
        assertThat(shape[2]).isEqualTo(detail.get("catIds").size());
        for (int t = 0; t < shape[0]; t++) {
            for (int k = 0; k < shape[2]; k++) {
                for (int a = 0; a < shape[3]; a++) {
                    assertThat(tables.recall(t, k, a, 0)).as("%s recall[%d][%d][%d]", c, t, k, a)
                            .isEqualTo(recall.get(t).get(k).get(a).asDouble());
                    for (int r = 0; r < shape[1]; r++) {
                        assertThat(tables.precision(t, r, k, a, 0)).as("%s precision[%d][%d][%d][%d]", c, t, r, k, a)
                                .isEqualTo(precision.get(t).get(r).get(k).get(a).asDouble());
                    }
                }
            }
        }
    }
}
