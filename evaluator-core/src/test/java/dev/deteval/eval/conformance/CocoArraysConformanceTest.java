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
        DetailTables.assertMatchPycocotools(c, evaluate(c, true));
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
}
