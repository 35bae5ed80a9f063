package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk-through's numbers, as docs/metrics.md derives them (no engine: evaluator-core only). */
final class MetricsWalkthroughTest {

    @TempDir
    static Path dir;

    private static MetricsWalkthrough.Result result;
    private static String printed;

    @BeforeAll
    static void walk() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = MetricsWalkthrough.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        printed = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_matching_givesThreeTruePositivesAtIouHalf() {
        // I/U: 10000/10000, 9000/11000, 0, 7500/12500, 4600/15400
        assertThat(result.iou()).containsExactly(new double[] {1, 9.0 / 11, 0, 0.6, 23.0 / 77}, within(1e-12));
        assertThat(result.truePositive()).containsExactly(true, true, false, true, false);
        assertThat(result.voc().tp()).isEqualTo(3);
        assertThat(result.voc().fp()).isEqualTo(2);
    }

    @Test
    void run_table_hasPrecisionAndRecallAfterEachDetection() {
        assertThat(result.precision()).containsExactly(new double[] {1, 1, 2.0 / 3, 3.0 / 4, 3.0 / 5}, within(1e-15));
        assertThat(result.recall()).containsExactly(new double[] {0.2, 0.4, 0.4, 0.6, 0.6}, within(1e-15));
        assertThat(printed).contains("   3   2   1     0.6667    0.40       0.7500    1.0000");
    }

    @Test
    void run_averagePrecision_matchesEachVariantsArithmetic() {
        assertThat(result.ap11Tenths()).isCloseTo((5 * 1 + 2 * 0.75) / 11, within(1e-15));
        assertThat(result.ap11VocEval()).isCloseTo((5 * 1 + 0.75) / 11, within(1e-15)).isEqualTo(result.voc().ap07());
        assertThat(result.apAllPoints()).isCloseTo(0.2 * 1 + 0.2 * 1 + 0.2 * 0.75, within(1e-15))
                .isEqualTo(result.voc().ap10());
        assertThat(result.cocoAp50()).isEqualTo((21 * 1.0 + 20 * 1.0 + 20 * 0.75) / 101);
    }

    @Test
    void run_decksSlip_isPointEightOneOnlyWithTheCarriedPrecision() {
        assertThat(result.deckSlip()).isCloseTo((5 * 1 + 2 * 0.75 + 4 * 0.6) / 11, within(1e-15));
        assertThat(Math.round(result.deckSlip() * 100) / 100.0).isEqualTo(0.81);
        assertThat(printed).contains("the deck's 0.81", "= 0.8091");
    }

    @Test
    void run_cocoSamples_areOneTwentyOneLevelsThenThreeQuartersThenZero() {
        double[] s = result.cocoSamples();

        assertThat(s).hasSize(101);
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[40]).isEqualTo(1.0);
        assertThat(s[41]).isEqualTo(0.75);
        assertThat(s[60]).isEqualTo(0.75);
        assertThat(s[61]).isEqualTo(0.0);
        assertThat(s[100]).isEqualTo(0.0);
    }

    @Test
    void run_writesPrCurveWithEnvelopeSamplesAndSlip() throws IOException {
        SvgDocument svg = SvgDocument.read(dir.resolve("pr-curve.svg"));

        assertThat(svg.seriesNames()).hasSize(5);
        assertThat(svg.xRange()).containsExactly(0.0, 1.0);
        assertThat(SvgDocument.linePoints(svg.series().get(1))).isEqualTo(101);
        assertThat(SvgDocument.count(svg.series().get(2), "circle")).isEqualTo(5);
        assertThat(SvgDocument.count(svg.series().get(3), "circle")).isEqualTo(11);
        assertThat(SvgDocument.count(svg.series().get(4), "circle")).isEqualTo(4);
    }
}
