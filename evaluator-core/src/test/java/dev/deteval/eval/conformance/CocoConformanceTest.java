package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test against pycocotools (oracle: each case's expected.json, made by cocoapi commit 8c9bcc3
 * with numpy 1.24.2, and for the cases of {@code conformance-local} by pycocotools 2.0.11): every bbox case
 * through the public API, compat mode, within 1e-12.
 */
final class CocoConformanceTest {

    static final double TOLERANCE = 1e-12;

    static List<ConformanceCase> bboxCases() {
        return ConformanceCase.cocoWithLocal("bbox");
    }

    static CocoResult evaluate(ConformanceCase c) {
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(c.gt());
        Detections dt = reader.readResults(c.dt(), gt);
        CocoParams params = c.paramsFile() == null ? CocoParams.defaults()
                : CocoParamsReader.read(c.paramsFile(), CocoMode.COMPAT);
        return CocoEvaluator.evaluate(gt, dt, params);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bboxCases")
    void evaluate_conformanceCase_matchesPycocotools(ConformanceCase c) {
        if (c.status().equals("error")) {
            assertThatThrownBy(() -> evaluate(c)).isInstanceOf(InputException.class)
                    .hasMessageContaining("not in the ground truth");
            return;
        }
        CocoResult result = evaluate(c);
        JsonNode coco = c.expected().get("coco");
        JsonNode stats = coco.get("stats");
        double[] actual = result.summary().stats();
        for (int i = 0; i < 12; i++) {
            assertThat(actual[i]).as("%s stats[%d] %s", c, i, coco.get("stats_labels").get(i).asText())
                    .isCloseTo(stats.get(i).asDouble(), within(TOLERANCE));
        }
        JsonNode rows = coco.get("per_category");
        assertThat(result.perCategory()).hasSize(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            JsonNode row = rows.get(k);
            CategoryMetrics m = result.perCategory().get(k);
            assertThat(m.id()).isEqualTo(row.get("category_id").asLong());
            assertThat(m.ap()).as("%s cat %d AP", c, m.id()).isCloseTo(row.get("AP").asDouble(), within(TOLERANCE));
            assertThat(m.ap50()).as("%s cat %d AP50", c, m.id()).isCloseTo(row.get("AP50").asDouble(), within(TOLERANCE));
            assertThat(m.ap75()).as("%s cat %d AP75", c, m.id()).isCloseTo(row.get("AP75").asDouble(), within(TOLERANCE));
            assertThat(m.ar()).as("%s cat %d AR", c, m.id()).isCloseTo(row.get("AR").asDouble(), within(TOLERANCE));
        }
    }
}
