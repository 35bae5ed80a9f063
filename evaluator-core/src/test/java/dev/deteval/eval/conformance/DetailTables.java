package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.PrecisionTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Compares a result's tables with a case's detail.json (oracle: pycocotools, see the conformance
 * README): {@code eval['recall']} [T][K][A][M] entry by entry, and {@code eval['precision']} [T][R][K]
 * at the case's per-category area range and maxDets, within {@link CocoConformanceTest#TOLERANCE}.
 */
final class DetailTables {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DetailTables() {
    }

    /** @return the number of entries compared */
    static int assertMatchPycocotools(ConformanceCase c, CocoResult result) {
        JsonNode detail = read(c);
        JsonNode coco = c.expected().get("coco");
        PrecisionTable tables = result.tables();
        int[] shape = tables.shape(); // T, R, K, A, M
        int checked = 0;

        JsonNode recall = detail.get("recall");
        assertThat(recall.size()).as("%s T", c).isEqualTo(shape[0]);
        for (int t = 0; t < shape[0]; t++) {
            assertThat(recall.get(t).size()).as("%s K", c).isEqualTo(shape[2]);
            for (int k = 0; k < shape[2]; k++) {
                for (int a = 0; a < shape[3]; a++) {
                    for (int m = 0; m < shape[4]; m++) {
                        assertThat(tables.recall(t, k, a, m)).as("%s recall[%d][%d][%d][%d]", c, t, k, a, m)
                                .isCloseTo(recall.get(t).get(k).get(a).get(m).asDouble(),
                                        within(CocoConformanceTest.TOLERANCE));
                        checked++;
                    }
                }
            }
        }
        int a = Arrays.asList(result.params().areaRngLbl()).indexOf(coco.get("per_category_areaRng").asText());
        int m = IntStream.of(result.params().maxDets()).boxed().toList()
                .indexOf(coco.get("per_category_maxDets").asInt());
        assertThat(a).as("%s area range of the per-category rows", c).isNotNegative();
        assertThat(m).as("%s maxDets of the per-category rows", c).isNotNegative();
        JsonNode precision = detail.get("precision");
        for (int t = 0; t < shape[0]; t++) {
            assertThat(precision.get(t).size()).as("%s R", c).isEqualTo(shape[1]);
            for (int r = 0; r < shape[1]; r++) {
                for (int k = 0; k < precision.get(t).get(r).size(); k++) {
                    assertThat(tables.precision(t, r, k, a, m)).as("%s precision[%d][%d][%d]", c, t, r, k)
                            .isCloseTo(precision.get(t).get(r).get(k).asDouble(),
                                    within(CocoConformanceTest.TOLERANCE));
                    checked++;
                }
            }
        }
        assertThat(checked).as("%s entries compared", c).isGreaterThan(0);
        return checked;
    }

    /** The case's detail.json. */
    static JsonNode read(ConformanceCase c) {
        try {
            return MAPPER.readTree(c.dir().resolve("detail.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
