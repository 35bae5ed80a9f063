package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class OrGateIT {

    @Test
    void run_firstEpoch_printsTheSlidesArithmetic() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        OrGate.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10, 0.1f);

        // η = 0.1, w = b = 0: (0,0)→0 changes nothing; (0,1): p = 0, L = ½, w2 = b = 0.1;
        // (1,0): p = 0.1, L = ½·0.9² = 0.405, w1 = 0.09, b = 0.19;
        // (1,1): p = 0.09 + 0.1 + 0.19 = 0.38, L = ½·0.62² = 0.1922, w1 = 0.152, w2 = 0.162, b = 0.252
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsSequence(
                "step  1  x=(0,0) t=0  p=0.0000  loss=0.0000  ->  w1=0.0000 w2=0.0000 b=0.0000",
                "step  2  x=(0,1) t=1  p=0.0000  loss=0.5000  ->  w1=0.0000 w2=0.1000 b=0.1000",
                "step  3  x=(1,0) t=1  p=0.1000  loss=0.4050  ->  w1=0.0900 w2=0.1000 b=0.1900",
                "step  4  x=(1,1) t=1  p=0.3800  loss=0.1922  ->  w1=0.1520 w2=0.1620 b=0.2520");
    }

    @Test
    void perceptron_secondEpoch_followsDeltaRule() {
        OrGate.Step step5 = OrGate.perceptron(new PrintStream(new ByteArrayOutputStream()), 2, 0.1f).get(4);

        // (0,0), t = 0: p = b = 0.252, L = ½·0.252², only b moves: b = 0.252 − 0.1·0.252
        assertThat(step5.prediction()).isCloseTo(0.252f, within(1e-6f));
        assertThat(step5.loss()).isCloseTo(0.5f * 0.252f * 0.252f, within(1e-6f));
        assertThat(step5.b()).isCloseTo(0.252f - 0.1f * 0.252f, within(1e-6f));
        assertThat(step5.w1()).isCloseTo(0.152f, within(1e-6f));
    }

    @Test
    void totalLoss_afterStepThree_isTheDecksPointSevenTwo() {
        OrGate.Step step3 = OrGate.perceptron(new PrintStream(new ByteArrayOutputStream()), 1, 0.1f).get(2);

        // w1 = 0.09, w2 = 0.1, b = 0.19: p = 0.19, 0.29, 0.28, 0.38 against t = 0, 1, 1, 1
        double expected = 0.5 * (0.19 * 0.19 + 0.71 * 0.71 + 0.72 * 0.72 + 0.62 * 0.62);
        assertThat(expected).isCloseTo(0.7215, within(1e-12));
        // float32 weights carry about 1e-8 of rounding into the sum
        assertThat(OrGate.totalLoss(step3)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void run_firstEpoch_printsTotalsWithTheDecksValueAtStepThree() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        OrGate.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1, 0.1f);

        // start and step 1: ½(0 + 1 + 1 + 1); step 2: ½(0.1² + 0.8² + 0.9² + 0.8²) = 1.05;
        // step 4: ½(0.252² + 0.586² + 0.596² + 0.434²) = 0.475236
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsSequence(
                "  start    1.5000",
                "  step 1   1.5000",
                "  step 2   1.0500",
                "  step 3   0.7215   <- the deck's 0.72",
                "  step 4   0.4752");
    }

    @Test
    void singleUnit_or_separatesAllFour() {
        float[] p = OrGate.singleUnit(new PrintStream(new ByteArrayOutputStream()), "OR", OrGate.TARGETS, 500);

        // convex problem (logistic regression); measured 0.041 and ≥ 0.984, so 0.2/0.8 is a wide margin
        assertThat(p[0]).isLessThan(0.2f);
        assertThat(p[1]).isGreaterThan(0.8f);
        assertThat(p[2]).isGreaterThan(0.8f);
        assertThat(p[3]).isGreaterThan(0.8f);
    }

    @Test
    void singleUnit_xor_staysAtOneHalfAndCannotGetAllFour() {
        float[] p = OrGate.singleUnit(new PrintStream(new ByteArrayOutputStream()), "XOR", OrGate.XOR, 500);

        // at w = b = 0 the XOR gradient is exactly 0: Σ(½ − t)x = (−½)(0,1) + (−½)(1,0) + ½(1,1) = (0,0) and
        // Σ(½ − t) = 0, so the unit never moves; 1e-6 only guards the printing of σ(0)
        assertThat(p).containsExactly(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, within(1e-6f));
        // true for any weights: no line separates XOR
        assertThat(OrGate.correct(OrGate.XOR, p)).isLessThanOrEqualTo(3);
    }

    @Test
    void hiddenLayer_xor_separatesAllFour() {
        float[] p = OrGate.hiddenLayer(new PrintStream(new ByteArrayOutputStream()), "XOR", OrGate.XOR, 300);

        // measured 0.002 / 0.998 from seeded weights; 0.2/0.8 leaves room for any kernel's rounding
        assertThat(p[0]).isLessThan(0.2f);
        assertThat(p[1]).isGreaterThan(0.8f);
        assertThat(p[2]).isGreaterThan(0.8f);
        assertThat(p[3]).isLessThan(0.2f);
        assertThat(OrGate.correct(OrGate.XOR, p)).isEqualTo(4);
    }
}
