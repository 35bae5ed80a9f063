package dev.deteval.runtime.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** Forward values against the textbook formulas, written out in double. */
final class ActivationFormulaIT {

    private static final float[] X = {-2f, -0.5f, 0.25f, 3f};

    private static float[] apply(DifferentiableActivation activation, float[] x, long... shape) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return activation.forward(manager.create(x).reshape(shape)).toFloatArray();
        }
    }

    @Test
    void tanhSigmoidReluLeaky_fourInputs_matchFormulas() {
        float[] tanh = apply(new Tanh(), X, 4);
        float[] sigmoid = apply(new Sigmoid(), X, 4);
        float[] relu = apply(new Relu(), X, 4);
        float[] leaky = apply(new LeakyRelu(0.1f), X, 4);
        for (int i = 0; i < X.length; i++) {
            double x = X[i];
            assertThat((double) tanh[i]).isCloseTo(Math.tanh(x), within(1e-6));
            assertThat((double) sigmoid[i]).isCloseTo(1 / (1 + Math.exp(-x)), within(1e-6));
            assertThat((double) relu[i]).isCloseTo(Math.max(0, x), within(1e-7));
            assertThat((double) leaky[i]).isCloseTo(x > 0 ? x : 0.1 * x, within(1e-7));
        }
    }

    @Test
    void softmax_hugeLogits_isFiniteAndSumsToOne() {
        float[] y = apply(new Softmax(-1), new float[] {1000f, 999f, -1000f}, 1, 3);
        double sum = Math.exp(0) + Math.exp(-1) + Math.exp(-2000);
        assertThat((double) y[0]).isCloseTo(1 / sum, within(1e-6));
        assertThat((double) y[1]).isCloseTo(Math.exp(-1) / sum, within(1e-6));
        assertThat((double) y[2]).isCloseTo(0, within(1e-7));
    }

    @Test
    void softmax_comparedWithDjl_isEqual() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {0.5f, -1f, 2f, 3f, 0f, -2f}).reshape(2, 3);
            float[] ours = new Softmax(1).forward(x).toFloatArray();
            float[] djl = x.softmax(1).toFloatArray();
            for (int i = 0; i < ours.length; i++) {
                assertThat((double) ours[i]).isCloseTo(djl[i], within(1e-7));
            }
        }
    }
}
