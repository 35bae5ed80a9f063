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
import org.junit.jupiter.api.Test;
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

    /**
     * AR@.5 and AR@.75 are not among pycocotools' twelve stats; they are defined like AR100 but at one
     * IoU threshold: the mean of pycocotools' {@code eval['recall'][t, :, all, maxDets[2]]} over the
     * entries > -1 (-1 when there are none, or when the threshold is not in iouThrs).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithDetail")
    void evaluate_conformanceCase_ar50AndAr75AreMeanOracleRecallAtThatThreshold(ConformanceCase c) {
        CocoResult result = evaluate(c, true);
        JsonNode params = c.expected().get("coco").get("params");
        JsonNode recall = DetailTables.read(c).get("recall");

        assertThat(result.summary().ar50()).as("%s AR50", c)
                .isCloseTo(meanRecall(recall, params, 0.5), within(CocoConformanceTest.TOLERANCE));
        assertThat(result.summary().ar75()).as("%s AR75", c)
                .isCloseTo(meanRecall(recall, params, 0.75), within(CocoConformanceTest.TOLERANCE));
    }

    private static double meanRecall(JsonNode recall, JsonNode params, double iouThr) {
        int t = indexOf(params.get("iouThrs"), iouThr);
        int a = indexOf(params.get("areaRngLbl"), "all");
        int m = 2;
        if (t < 0) {
            return -1;
        }
        double sum = 0;
        int n = 0;
        for (JsonNode perArea : recall.get(t)) {
            double v = perArea.get(a).get(m).asDouble();
            if (v > -1) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    private static int indexOf(JsonNode list, double value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).asDouble() == value) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(JsonNode list, String value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).asText().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * pycocotools' {@code scores[t, r, k, a, m]} (not in detail.json) is the score of the detection
     * whose precision is read at recall threshold r. slide_example at IoU 0.5: scores 0.9, 0.7, 0.6,
     * 0.3, 0.2, correct T T F T F, 5 ground truths, so recall after each is 1/5, 2/5, 2/5, 3/5, 3/5.
     * The first detection reaching recall thresholds 0 … 0.20 (indices 0–20) scores 0.9, 0.21 … 0.40
     * (21–40) 0.7, 0.41 … 0.60 (41–60) 0.3; no detection reaches 0.61 … 1 (61–100): 0. The same split
     * as AP50 = (21 + 20 + 20 · 0.75) / 101 in SlideExampleTest.
     */
    @Test
    void evaluate_slideExample_scoresTableHoldsTheScoreReadAtEachRecallThreshold() {
        ConformanceCase c = ConformanceCase.load(ConformanceCase.root().resolve("slide_example"));
        PrecisionTable tables = evaluate(c, false).tables();
        int iou50 = 0;
        int all = 0;
        int maxDets100 = 2;

        for (int r = 0; r <= 100; r++) {
            double expected = r <= 20 ? 0.9 : r <= 40 ? 0.7 : r <= 60 ? 0.3 : 0.0;
            assertThat(tables.score(iou50, r, 0, all, maxDets100)).as("scores[0, %d, 0, all, 100]", r)
                    .isEqualTo(expected);
        }
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
