package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The numbers in the comments were measured under ATEN_CPU_CAPABILITY=default, avx2 and avx512 and were the
 * same to every printed digit; the bounds leave room for far larger differences than that.
 */
final class PenaltySparsityIT {

    private static final int RELEVANT = PenaltySparsity.TRUE_WEIGHTS.length;
    private static final int IRRELEVANT = PenaltySparsity.FEATURES - RELEVANT;

    @TempDir
    static Path dir;

    private static PenaltySparsity.Fit none;
    private static PenaltySparsity.Fit l2;
    private static PenaltySparsity.Fit l1;
    private static String printed;

    @BeforeAll
    static void train() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<PenaltySparsity.Fit> fits =
                PenaltySparsity.run(dir, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        none = fits.get(0);
        l2 = fits.get(1);
        l1 = fits.get(2);
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_l1Penalty_zeroesMostIrrelevantWeights() {
        // measured: 15 of 17 below 1e-3; 12 leaves room for three of them to stay out under another kernel
        assertThat(l1.zerosFrom(RELEVANT)).isGreaterThanOrEqualTo(12);
        // what the zigzag around 0 leaves once η has decayed (measured 4.1e-6): well under 1e-4, so the zeros are
        // not weights that merely happen to be small
        assertThat(l1.largestZeroFrom(RELEVANT)).isLessThan(1e-4f);
    }

    @Test
    void run_l2PenaltyAndNoPenalty_leaveIrrelevantWeightsNonZero() {
        // measured: 0 of 17 below 1e-3 for both (smallest |w| 3.6e-3 with L2, 1.5e-3 without); an irrelevant
        // weight fitted to noise is about 0.14 in size, so two near 0 would already be a coincidence
        assertThat(l2.zerosFrom(RELEVANT)).isLessThanOrEqualTo(2);
        assertThat(none.zerosFrom(RELEVANT)).isLessThanOrEqualTo(2);
        // L2 shrinks the weights as a whole: measured Σw² 8.93 against 16.43 without a penalty
        assertThat(sumOfSquares(l2.weights())).isLessThan(sumOfSquares(none.weights()));
    }

    @Test
    void run_l1Penalty_keepsTheThreeRelevantWeightsShrunkTowardsZero() {
        for (int j = 0; j < RELEVANT; j++) {
            float truth = PenaltySparsity.TRUE_WEIGHTS[j];
            // measured 2.761, −1.691, 1.436 against 3.114, −1.934, 1.660 without a penalty: each kept weight
            // moves towards 0 by about λ/2 = 0.25 (the L1 pull λ·sign(w) against the MSE curvature of about 2)
            assertThat(Math.signum(l1.weights()[j])).as("w%d", j).isEqualTo(Math.signum(truth));
            assertThat(Math.abs(l1.weights()[j])).as("w%d", j).isGreaterThan(1f)
                    .isLessThan(Math.abs(none.weights()[j]));
        }
    }

    @Test
    void run_penalties_costTrainingFit() {
        // the unpenalized fit is the least-squares optimum, so any penalty raises the training MSE
        // (measured 0.608 without, 0.939 with L1, 1.359 with L2)
        assertThat(none.dataLoss()).isLessThan(l1.dataLoss()).isLessThan(l2.dataLoss());
    }

    @Test
    void run_printsWeightsAndZeroCounts() {
        assertThat(printed).contains("|w| < 1e-03 counts as zero")
                .containsPattern("L1 lambda=0\\.5 +zeros among the 17 irrelevant: +" + l1.zerosFrom(RELEVANT) + " ");
    }

    @Test
    void run_weightPlot_showsTruthAndThreeFitsPerFeature() throws IOException {
        SvgDocument svg = SvgDocument.read(dir.resolve("penalty-weights.svg"));

        assertThat(svg.seriesNames()).containsExactly("true weights", "no penalty", "L2 lambda=0.5", "L1 lambda=0.5");
        for (Element series : svg.series()) {
            assertThat(SvgDocument.count(series, "circle")).isEqualTo(PenaltySparsity.FEATURES);
        }
        assertThat(svg.xRange()).containsExactly(-0.5, PenaltySparsity.FEATURES - 0.5);
    }

    @Test
    void run_logPlot_putsL1MarkersBelowTheZeroLineAndL2Above() throws IOException {
        SvgDocument svg = SvgDocument.read(dir.resolve("penalty-log-weights.svg"));

        assertThat(svg.seriesNames()).containsExactly("zero threshold |w| = 1e-03", "no penalty", "L2 lambda=0.5",
                "L1 lambda=0.5");
        assertThat(svg.yRange()).containsExactly(PenaltySparsity.LOG_FLOOR, 1.0);
        // SVG y grows downwards: a marker below the threshold line has a larger cy than the line's y
        double line = lineY(svg.series().get(0));
        assertThat(markersBelow(svg.series().get(3), line)).isEqualTo(l1.zerosFrom(RELEVANT))
                .isGreaterThanOrEqualTo(12);
        assertThat(markersBelow(svg.series().get(2), line)).isLessThanOrEqualTo(2);
    }

    private static double sumOfSquares(float[] w) {
        double sum = 0;
        for (float v : w) {
            sum += v * v;
        }
        return sum;
    }

    private static double lineY(Element series) {
        String first = ((Element) series.getElementsByTagName("polyline").item(0)).getAttribute("points").trim()
                .split("\\s+")[0];
        return Double.parseDouble(first.split(",")[1]);
    }

    private static int markersBelow(Element series, double y) {
        NodeList circles = series.getElementsByTagName("circle");
        int below = 0;
        for (int i = 0; i < circles.getLength(); i++) {
            if (Double.parseDouble(((Element) circles.item(i)).getAttribute("cy")) > y) {
                below++;
            }
        }
        return below;
    }
}
