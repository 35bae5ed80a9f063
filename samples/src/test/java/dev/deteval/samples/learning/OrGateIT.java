package dev.deteval.samples.learning;

import static dev.deteval.samples.learning.Tolerances.FEW_FLOAT32_OPS;
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
        // every exact value has at most four decimals, so float32 error (~1e-8) is far from a printing boundary
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
        assertThat(step5.prediction()).isCloseTo(0.252f, within((float) FEW_FLOAT32_OPS));
        assertThat(step5.loss()).isCloseTo(0.5f * 0.252f * 0.252f, within((float) FEW_FLOAT32_OPS));
        assertThat(step5.b()).isCloseTo(0.252f - 0.1f * 0.252f, within((float) FEW_FLOAT32_OPS));
        assertThat(step5.w1()).isCloseTo(0.152f, within((float) FEW_FLOAT32_OPS));
    }

    @Test
    void run_twoLayerNetwork_putsAllFourOutputsOnTheRightSideOfOneHalf() {
        OrGate.Result result = OrGate.run(new PrintStream(new ByteArrayOutputStream()), 1, 0.1f);

        // measured outputs 0.011, 0.993, 0.996, 0.999 under every kernel: each at least 0.49 from the threshold

        assertThat(result.twoLayerOutputs()[0]).isLessThan(0.5f);
        assertThat(result.twoLayerOutputs()[1]).isGreaterThan(0.5f);
        assertThat(result.twoLayerOutputs()[2]).isGreaterThan(0.5f);
        assertThat(result.twoLayerOutputs()[3]).isGreaterThan(0.5f);
    }
}
