package dev.deteval.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.conformance.ConformanceCase;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class VocApTest {

    /** The workshop slide: 5 objects, detections TP, TP, FP, TP, FP in score order. */
    static final double[] SLIDE_RECALL = {1 / 5.0, 2 / 5.0, 2 / 5.0, 3 / 5.0, 3 / 5.0};
    static final double[] SLIDE_PRECISION = {1 / 1.0, 2 / 2.0, 2 / 3.0, 3 / 4.0, 3 / 5.0};

    static final double[] TENTHS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    @Test
    void voc07Thresholds_numpyArange_threeLieAboveTheTenth() {
        assertThat(VocAp.voc07Thresholds()).containsExactly(0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5,
                0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1.0);
    }

    @Test
    void elevenPoint_slideExample_recallOfExactlySixTenthsMissesThePoint() {
        // precision 1 at t = 0 .. 0.4 (5 points), 3/4 at t = 0.5; recall 0.6 < 0.6000000000000001
        assertThat(VocAp.elevenPoint(SLIDE_RECALL, SLIDE_PRECISION, 5)).isCloseTo((5 * 1.0 + 0.75) / 11,
                within(1e-15));
    }

    @Test
    void interpolated_slideExampleAtExactTenths_countsThePointAtSixTenths() {
        assertThat(VocAp.interpolated(SLIDE_RECALL, SLIDE_PRECISION, 5, TENTHS)).isCloseTo((5 * 1.0 + 2 * 0.75) / 11,
                within(1e-15));
    }

    @Test
    void allPoints_slideExample_areaUnderEnvelope() {
        // envelope 1 up to recall 0.4, 3/4 up to 0.6, then 0
        assertThat(VocAp.allPoints(SLIDE_RECALL, SLIDE_PRECISION, 5)).isCloseTo(0.4 * 1 + 0.2 * 0.75, within(1e-15));
    }

    @Test
    void elevenPoint_perfectCurve_sumOfElevenEleventhsIsOneUlpAboveOne() {
        double[] one = {0.5, 1.0};
        double[] prec = {1.0, 1.0};
        // eleven additions of 1/11 in double arithmetic overshoot by one ulp, as in voc_eval.py
        assertThat(VocAp.elevenPoint(one, prec, 2)).isEqualTo(1.0000000000000002);
        assertThat(VocAp.allPoints(one, prec, 2)).isEqualTo(1.0);
    }

    @Test
    void apFunctions_emptyCurve_giveZero() {
        assertThat(VocAp.elevenPoint(new double[0], new double[0], 0)).isZero();
        assertThat(VocAp.allPoints(new double[0], new double[0], 0)).isZero();
    }

    @Test
    void apFunctions_prefixLength_ignoreTheRest() {
        double[] rec = {0.5, 1.0, 1.0};
        double[] prec = {1.0, 0.5, 99.0};
        // only the first point: precision 1 up to recall 0.5 (t = 0 .. 0.5, 6 points)
        assertThat(VocAp.elevenPoint(rec, prec, 1)).isCloseTo(6 / 11.0, within(1e-15));
        assertThat(VocAp.allPoints(rec, prec, 1)).isEqualTo(0.5);
    }

    @Test
    void allPoints_firstDetectionIgnored_zeroPointAddsNoArea() {
        // a first detection on a difficult object: tp = fp = 0 gives recall 0 and precision 0
        double[] rec = {0.0, 1.0};
        double[] prec = {0.0, 1.0};
        assertThat(VocAp.allPoints(rec, prec, 2)).isEqualTo(1.0);
    }

    @Test
    void apFunctions_lengthBeyondArrays_rejected() {
        assertThatThrownBy(() -> VocAp.allPoints(new double[2], new double[1], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("curve length 2");
        assertThatThrownBy(() -> VocAp.interpolated(new double[1], new double[1], 1, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    static List<ConformanceCase> vocCases() {
        return ConformanceCase.voc();
    }

    /** The curves of detail.json give the oracle's three AP values bit for bit. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vocCases")
    void apFunctions_oracleCurves_equalVocApExactly(ConformanceCase c) throws IOException {
        JsonNode detail = new ObjectMapper().readTree(c.dir().resolve("detail.json").toFile()).get("variants");
        JsonNode expected = c.expected().get("voc").get("variants");
        for (String variant : List.of("voc_eval", "continuous_gt", "continuous_ge")) {
            JsonNode curves = detail.get(variant);
            JsonNode rows = expected.get(variant).get("per_class");
            for (int k = 0; k < rows.size(); k++) {
                JsonNode row = rows.get(k);
                assertThat(curves.get(k).get("class").asText()).isEqualTo(row.get("class").asText());
                double[] rec = doubles(curves.get(k).get("rec"));
                double[] prec = doubles(curves.get(k).get("prec"));
                String what = c + " " + variant + " " + row.get("class").asText();
                assertThat(VocAp.elevenPoint(rec, prec, rec.length)).as(what)
                        .isEqualTo(row.get("ap_voc07").asDouble());
                assertThat(VocAp.allPoints(rec, prec, rec.length)).as(what).isEqualTo(row.get("ap_voc10").asDouble());
                assertThat(VocAp.interpolated(rec, prec, rec.length, TENTHS)).as(what)
                        .isEqualTo(row.get("ap_voc07_tenths").asDouble());
            }
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
