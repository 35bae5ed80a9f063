package dev.deteval.runtime.regularization;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Pins the behaviour of DJL's own {@link Dropout} block on the PyTorch engine. */
final class DropoutIT {

    private static final int N = 20_000;
    private static final float P = 0.25f;

    @Test
    void forward_training_zeroesOrScalesByOneOverKeepProbability() {
        float[] x = ramp();
        float[] y = dropout(x, 7, true);

        int zeros = 0;
        for (int i = 0; i < N; i++) {
            if (y[i] == 0f) {
                zeros++;
            } else {
                // relative: one float32 scaling rounds by ½ ulp, 6e-8 of the value
                assertThat(y[i]).isCloseTo(x[i] / (1f - P), within((float) FEW_FLOAT32_OPS * x[i]));
            }
        }
        // the share of dropped elements is ~Binomial(N, p)/N, standard deviation √(p(1−p)/N) ≈ 0.003; 0.02 is
        // over 6σ, so any mask the random generator draws passes (measured 0.0037 off, the same under all kernels)
        assertThat(zeros / (double) N).isCloseTo(P, within(0.02));
    }

    @Test
    void forward_training_keepsTheExpectation() {
        float[] x = ramp();
        float[] y = dropout(x, 11, true);

        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < N; i++) {
            sumX += x[i];
            sumY += y[i];
        }
        // E[y] = (1 − p) · x / (1 − p) = x; the ratio's standard deviation is √(p/(1−p) · Σx²/(Σx)²) ≈ 0.0047 for
        // this ramp, so 0.03 is over 6σ (measured 0.0034 off)
        assertThat(sumY / sumX).isCloseTo(1.0, within(0.03));
    }

    @Test
    void forward_sameSeed_sameMask() {
        float[] x = ramp();

        assertThat(dropout(x, 3, true)).containsExactly(dropout(x, 3, true));
        assertThat(dropout(x, 3, true)).isNotEqualTo(dropout(x, 4, true));
    }

    @Test
    void forward_inference_isIdentity() {
        float[] x = ramp();

        assertThat(dropout(x, 7, false)).containsExactly(x);
    }

    private static float[] ramp() {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = 1f + i % 100;
        }
        return x;
    }

    private static float[] dropout(float[] x, int seed, boolean training) {
        Engine.getInstance().setRandomSeed(seed);
        try (NDManager manager = NDManager.newBaseManager()) {
            Dropout block = Dropout.builder().optRate(P).build();
            NDArray input = manager.create(x);
            block.initialize(manager, DataType.FLOAT32, input.getShape());
            return block.forward(new ParameterStore(manager, false), new NDList(input), training)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }
}
