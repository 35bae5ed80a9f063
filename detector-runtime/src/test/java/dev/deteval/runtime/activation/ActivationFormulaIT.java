package dev.deteval.runtime.activation;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
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
            assertThat((double) tanh[i]).isCloseTo(Math.tanh(x), within(FEW_FLOAT32_OPS));
            assertThat((double) sigmoid[i]).isCloseTo(1 / (1 + Math.exp(-x)), within(FEW_FLOAT32_OPS));
            // max(x, 0) of a float is that float or 0: no rounding at all
            assertThat(relu[i]).isEqualTo(Math.max(0f, X[i]));
            // one float32 product: ½ ulp of |0.2| (7.5e-9) plus 0.1f's own error (1.5e-9 · |x|)
            assertThat((double) leaky[i]).isCloseTo(x > 0 ? x : 0.1 * x, within(1e-7));
        }
    }

    @Test
    void softmax_hugeLogits_isFiniteAndSumsToOne() {
        float[] y = apply(new Softmax(-1), new float[] {1000f, 999f, -1000f}, 1, 3);
        double sum = Math.exp(0) + Math.exp(-1) + Math.exp(-2000);
        assertThat((double) y[0]).isCloseTo(1 / sum, within(FEW_FLOAT32_OPS));
        assertThat((double) y[1]).isCloseTo(Math.exp(-1) / sum, within(FEW_FLOAT32_OPS));
        // e^-2000 is far below the smallest float (1.4e-45), so every exp kernel returns exactly 0
        assertThat(y[2]).isZero();
    }

    @Test
    void softmax_comparedWithDjl_isEqual() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {0.5f, -1f, 2f, 3f, 0f, -2f}).reshape(2, 3);
            float[] ours = new Softmax(1).forward(x).toFloatArray();
            float[] djl = x.softmax(1).toFloatArray();
            for (int i = 0; i < ours.length; i++) {
                // two float32 softmax op orders (ours: shift, exp, sum, divide; PyTorch's fused kernel) on values
                // below 1, where one ulp is up to 6e-8: a couple of ulps apart is legitimate (measured 4.7e-10)
                assertThat((double) ours[i]).isCloseTo(djl[i], within(FEW_FLOAT32_OPS));
            }
        }
    }
}
