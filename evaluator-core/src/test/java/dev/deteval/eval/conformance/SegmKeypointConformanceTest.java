package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.coco.CategoryMetrics;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test against pycocotools for masks and keypoints (oracle: each case's expected.json and
 * detail.json, made by cocoapi commit 8c9bcc3 with numpy 1.24.2, iouType from params.json): every segm
 * and keypoints case through the public API, compat mode, within 1e-12 — the summary stats, the
 * per-category values, the whole recall array and the precision array of the per-category area range
 * and maxDets.
 */
final class SegmKeypointConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<ConformanceCase> cases() {
        return Stream.concat(ConformanceCase.coco("segm").stream(), ConformanceCase.coco("keypoints").stream())
                .toList();
    }

    static CocoResult evaluate(ConformanceCase c) {
        CocoParams params = CocoParamsReader.read(c.paramsFile(), CocoMode.COMPAT);
        CocoJsonReader reader = new CocoJsonReader(params.iouType());
        GroundTruth gt = reader.readGroundTruth(c.gt());
        Detections dt = reader.readResults(c.dt(), gt);
        return CocoEvaluator.evaluate(gt, dt, params);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_segmOrKeypointCase_statsMatchPycocotools(ConformanceCase c) {
        CocoResult result = evaluate(c);
        JsonNode coco = c.expected().get("coco");
        JsonNode stats = coco.get("stats");
        double[] actual = result.summary().stats();
        assertThat(actual).hasSize(stats.size());
        assertThat(result.summary().statNames()).hasSize(stats.size());
        for (int i = 0; i < stats.size(); i++) {
            String label = coco.get("stats_labels").get(i).asText();
            assertThat(actual[i]).as("%s stats[%d] %s", c, i, label)
                    .isCloseTo(stats.get(i).asDouble(), within(CocoConformanceTest.TOLERANCE));
        }
        JsonNode rows = coco.get("per_category");
        assertThat(result.perCategory()).hasSize(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            JsonNode row = rows.get(k);
            CategoryMetrics m = result.perCategory().get(k);
            assertThat(m.id()).isEqualTo(row.get("category_id").asLong());
            assertThat(m.ap()).as("%s cat %d AP", c, m.id()).isCloseTo(row.get("AP").asDouble(),
                    within(CocoConformanceTest.TOLERANCE));
            assertThat(m.ap50()).as("%s cat %d AP50", c, m.id()).isCloseTo(row.get("AP50").asDouble(),
                    within(CocoConformanceTest.TOLERANCE));
            assertThat(m.ap75()).as("%s cat %d AP75", c, m.id()).isCloseTo(row.get("AP75").asDouble(),
                    within(CocoConformanceTest.TOLERANCE));
            assertThat(m.ar()).as("%s cat %d AR", c, m.id()).isCloseTo(row.get("AR").asDouble(),
                    within(CocoConformanceTest.TOLERANCE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_segmOrKeypointCase_precisionAndRecallArraysMatchPycocotools(ConformanceCase c) {
        DetailTables.assertMatchPycocotools(c, evaluate(c));
    }
}
