package dev.deteval.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The workshop's ranked-detection example, recomputed with plain arithmetic from its five precision/recall
 * pairs and compared with the oracle values in {@code conformance/voc_slide_example/expected.json}
 * (voc_eval.py) and {@code conformance/slide_example/expected.json} (pycocotools). Independent of deteval's
 * evaluators. docs/metrics.md walks through the same numbers.
 *
 * <p>Scores 0.9, 0.7, 0.6, 0.3, 0.2 are correct, correct, wrong, correct, wrong at IoU 0.5; there are 5
 * ground truths. After each detection: precision 1/1, 2/2, 2/3, 3/4, 3/5 and recall 1/5, 2/5, 2/5, 3/5, 3/5.
 */
final class SlideExampleTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final double[] PRECISION = {1.0 / 1, 2.0 / 2, 2.0 / 3, 3.0 / 4, 3.0 / 5};
    private static final double[] RECALL = {1.0 / 5, 2.0 / 5, 2.0 / 5, 3.0 / 5, 3.0 / 5};

    /** IoU of each detection with the only ground truth it overlaps (box arithmetic in docs/metrics.md). */
    private static final double[] IOU = {10000.0 / 10000, 9000.0 / 11000, 0.0, 7500.0 / 12500, 4600.0 / 15400};

    /** numpy's {@code 2.220446049250313e-16}, added to pycocotools' precision denominator. */
    private static final double NUMPY_EPS = 2.220446049250313e-16;

    @Test
    void pairs_slideExample_matchOracleCounts() {
        JsonNode cls = vocClass();

        assertThat(cls.get("npos").asInt()).isEqualTo(5);
        assertThat(cls.get("tp").asInt()).isEqualTo(3);
        assertThat(cls.get("fp").asInt()).isEqualTo(2);
        assertThat(cls.get("final_recall").asDouble()).isEqualTo(RECALL[4]);
        assertThat(cls.get("final_precision").asDouble()).isEqualTo(PRECISION[4]);
    }

    @Test
    void elevenPoint_vocEvalThresholds_equalsOracleApVoc07() {
        // voc_eval.py's np.arange(0., 1.1, 0.1) yields k * 0.1: 0.30000000000000004, 0.6000000000000001, ...
        double ap = elevenPoint(k -> k * 0.1);

        assertThat(ap).isEqualTo(vocClass().get("ap_voc07").asDouble());
        assertThat(ap).isCloseTo((1 + 1 + 1 + 1 + 1 + 0.75 + 0 + 0 + 0 + 0 + 0) / 11, within(1e-15));
    }

    @Test
    void elevenPoint_exactTenths_equalsOracleTenthsVariant() {
        double ap = elevenPoint(k -> k / 10.0);

        assertThat(ap).isEqualTo(vocClass().get("ap_voc07_tenths").asDouble());
        assertThat(ap).isCloseTo((1 + 1 + 1 + 1 + 1 + 0.75 + 0.75 + 0 + 0 + 0 + 0) / 11, within(1e-15));
    }

    @Test
    void allPoint_areaUnderEnvelope_equalsOracleApVoc10() {
        double[] mrec = {0, RECALL[0], RECALL[1], RECALL[2], RECALL[3], RECALL[4], 1};
        double[] mpre = {0, PRECISION[0], PRECISION[1], PRECISION[2], PRECISION[3], PRECISION[4], 0};
        for (int i = mpre.length - 1; i > 0; i--) {
            mpre[i - 1] = Math.max(mpre[i - 1], mpre[i]);
        }
        double ap = 0;
        for (int i = 0; i + 1 < mrec.length; i++) {
            if (mrec[i + 1] != mrec[i]) {
                ap += (mrec[i + 1] - mrec[i]) * mpre[i + 1];
            }
        }

        assertThat(mpre).containsExactly(1, 1, 1, 0.75, 0.75, 0.6, 0);
        assertThat(ap).isEqualTo(vocClass().get("ap_voc10").asDouble());
        assertThat(ap).isCloseTo(0.2 * 1 + 0.2 * 1 + 0.2 * 0.75 + 0.4 * 0, within(1e-15));
    }

    @Test
    void coco101Point_iou50_equalsOracleAp50() {
        JsonNode coco = coco();
        double ap50 = coco101(correctAt(0.5), recThrs(coco));

        assertThat(ap50).isEqualTo(coco.get("stats").get(1).asDouble());
        assertThat(ap50).isEqualTo((21 * 1.0 + 20 * 1.0 + 20 * 0.75) / 101);
    }

    @Test
    void coco101Point_iou75_equalsOracleAp75() {
        JsonNode coco = coco();
        double ap75 = coco101(correctAt(0.75), recThrs(coco));

        assertThat(ap75).isEqualTo(coco.get("stats").get(2).asDouble());
        assertThat(ap75).isEqualTo(41.0 / 101);
    }

    @Test
    void cocoAp_meanOverTenThresholds_equalsOracleAp() {
        JsonNode coco = coco();
        double[] recThrs = recThrs(coco);
        JsonNode iouThrs = coco.get("params").get("iouThrs");
        double sum = 0;
        double recallSum = 0;
        for (JsonNode t : iouThrs) {
            boolean[] correct = correctAt(t.asDouble());
            sum += coco101(correct, recThrs);
            recallSum += count(correct) / 5.0;
        }

        assertThat(sum / iouThrs.size()).isCloseTo(coco.get("stats").get(0).asDouble(), within(1e-12))
                .isCloseTo((3 * 56 + 4 * 41 + 3 * 21) / 1010.0, within(1e-15));
        assertThat(recallSum / iouThrs.size()).as("AR100")
                .isCloseTo(coco.get("stats").get(8).asDouble(), within(1e-12))
                .isCloseTo((3 * 0.6 + 4 * 0.4 + 3 * 0.2) / 10, within(1e-15));
    }

    @Test
    void elevenPoint_lastPrecisionCarriedToUnreachedRecall_reproducesDeckValue() {
        // the mistake: recall levels 0.7 .. 1.0 are never reached but get the last precision 3/5, not 0
        double ap = 0;
        for (int k = 0; k <= 10; k++) {
            double p = interpolated(k / 10.0);
            ap += (p > 0 ? p : PRECISION[4]) / 11;
        }

        assertThat(ap).isCloseTo((5 * 1 + 2 * 0.75 + 4 * 0.6) / 11, within(1e-15));
        assertThat(Math.round(ap * 100) / 100.0).isEqualTo(0.81);
    }

    private static double elevenPoint(IntToDoubleFunction threshold) {
        double ap = 0;
        for (int k = 0; k <= 10; k++) {
            ap += interpolated(threshold.applyAsDouble(k)) / 11;
        }
        return ap;
    }

    /** The largest precision at recall >= r, or 0 when no detection reaches r. */
    private static double interpolated(double r) {
        double p = 0;
        for (int i = 0; i < RECALL.length; i++) {
            if (RECALL[i] >= r) {
                p = Math.max(p, PRECISION[i]);
            }
        }
        return p;
    }

    private static boolean[] correctAt(double iouThreshold) {
        boolean[] correct = new boolean[IOU.length];
        for (int i = 0; i < IOU.length; i++) {
            correct[i] = IOU[i] >= iouThreshold;
        }
        return correct;
    }

    /** pycocotools' accumulate() for one image, one category and 5 ground truths. */
    private static double coco101(boolean[] correct, double[] recThrs) {
        int n = correct.length;
        double[] precision = new double[n];
        double[] recall = new double[n];
        int tp = 0;
        for (int i = 0; i < n; i++) {
            tp += correct[i] ? 1 : 0;
            int fp = i + 1 - tp;
            precision[i] = tp / (fp + tp + NUMPY_EPS);
            recall[i] = tp / 5.0;
        }
        for (int i = n - 1; i > 0; i--) {
            precision[i - 1] = Math.max(precision[i - 1], precision[i]);
        }
        double sum = 0;
        for (double r : recThrs) {
            int first = 0;
            while (first < n && recall[first] < r) {
                first++;
            }
            sum += first < n ? precision[first] : 0;
        }
        return sum / recThrs.length;
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            c += f ? 1 : 0;
        }
        return c;
    }

    private static double[] recThrs(JsonNode coco) {
        JsonNode node = coco.get("params").get("recThrs");
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode vocClass() {
        return read("voc_slide_example").get("voc").get("variants").get("voc_eval").get("per_class").get(0);
    }

    private static JsonNode coco() {
        return read("slide_example").get("coco");
    }

    private static JsonNode read(String conformanceCase) {
        String path = "/conformance/" + conformanceCase + "/expected.json";
        try (InputStream in = SlideExampleTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }
}
