package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.PrecisionTable;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test of the whole tables against pycocotools (oracle: each bbox case's detail.json, made with
 * the same cocoapi commit as expected.json): {@code eval['recall']} [T][K][A][M] entry by entry, and
 * {@code eval['precision']} [T][R][K] at the case's per-category area range and maxDets, within 1e-12.
 * The same cases also check that evaluating categories in parallel gives the sequential doubles exactly.
 */
final class CocoArraysConformanceTest {

    static List<ConformanceCase> casesWithDetail() {
        return ConformanceCase.coco("bbox").stream()
                .filter(c -> c.status().equals("ok") && Files.exists(c.dir().resolve("detail.json"))).toList();
    }

    private static CocoResult evaluate(ConformanceCase c, boolean parallel) {
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(c.gt());
        Detections dt = reader.readResults(c.dt(), gt);
        CocoParams params = c.paramsFile() == null ? CocoParams.defaults()
                : CocoParamsReader.read(c.paramsFile(), CocoMode.COMPAT);
        return CocoEvaluator.evaluate(gt, dt, params, parallel);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithDetail")
    void evaluate_conformanceCase_recallAndPrecisionTablesMatchPycocotools(ConformanceCase c) {
        CocoResult result = evaluate(c, true);
        JsonNode detail = readDetail(c);
        JsonNode coco = c.expected().get("coco");
        PrecisionTable tables = result.tables();
        int[] shape = tables.shape(); // T, R, K, A, M
        int iouCount = shape[0];
        int recCount = shape[1];
        int areaCount = shape[3];
        int maxDetCount = shape[4];

        JsonNode recall = detail.get("recall");
        assertThat(recall.size()).isEqualTo(iouCount);
        int checked = 0;
        for (int t = 0; t < iouCount; t++) {
            assertThat(recall.get(t).size()).as("K").isEqualTo(result.categoryIds().length);
            for (int k = 0; k < recall.get(t).size(); k++) {
                for (int a = 0; a < areaCount; a++) {
                    for (int m = 0; m < maxDetCount; m++) {
                        assertThat(tables.recall(t, k, a, m)).as("%s recall[%d][%d][%d][%d]", c, t, k, a, m)
                                .isCloseTo(recall.get(t).get(k).get(a).get(m).asDouble(), within(1e-12));
                        checked++;
                    }
                }
            }
        }
        int a = java.util.Arrays.asList(result.params().areaRngLbl())
                .indexOf(coco.get("per_category_areaRng").asText());
        int m = java.util.stream.IntStream.of(result.params().maxDets()).boxed().toList()
                .indexOf(coco.get("per_category_maxDets").asInt());
        assertThat(a).as("area range of the per-category rows").isNotNegative();
        assertThat(m).as("maxDets of the per-category rows").isNotNegative();
        JsonNode precision = detail.get("precision");
        for (int t = 0; t < iouCount; t++) {
            assertThat(precision.get(t).size()).as("R").isEqualTo(recCount);
            for (int r = 0; r < recCount; r++) {
                for (int k = 0; k < precision.get(t).get(r).size(); k++) {
                    assertThat(tables.precision(t, r, k, a, m)).as("%s precision[%d][%d][%d]", c, t, r, k)
                            .isCloseTo(precision.get(t).get(r).get(k).asDouble(), within(1e-12));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithDetail")
    void evaluate_parallelAndSequential_identicalTables(ConformanceCase c) {
        PrecisionTable parallel = evaluate(c, true).tables();
        PrecisionTable sequential = evaluate(c, false).tables();

        assertThat(parallel.precisionArray()).isEqualTo(sequential.precisionArray());
        assertThat(parallel.recallArray()).isEqualTo(sequential.recallArray());
        assertThat(parallel.scoresArray()).isEqualTo(sequential.scoresArray());
    }

    private static JsonNode readDetail(ConformanceCase c) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(c.dir().resolve("detail.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
