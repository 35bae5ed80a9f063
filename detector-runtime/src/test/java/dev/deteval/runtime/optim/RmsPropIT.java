package dev.deteval.runtime.optim;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static dev.deteval.runtime.optim.SgdIT.assertSame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.optimizer.Optimizer;
import org.junit.jupiter.api.Test;

final class RmsPropIT {

    private static final int STEPS = 20;

    @Test
    void update_djlBuiltInOnPyTorch_isNotImplemented() {
        assertThatThrownBy(() -> Trajectories.leastSquares(Optimizer.rmsprop().build(), 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void update_twoParameterQuadratic_followsMovingSquaredAverage() {
        float[][] path = Trajectories.quadratic(
                RmsProp.builder(0.01f).optRho(0.9f).build(), new float[] {1f, -2f}, 1f, 10f, STEPS);

        // first coordinate, step 1: s = 0.1·1², θ = 1 − 0.01·1/√0.1
        assertThat(path[0][0]).isCloseTo((float) (1 - 0.01 / Math.sqrt(0.1)), within((float) FEW_FLOAT32_OPS));
        double[] curvature = {1, 10};
        double[] theta = {1, -2};
        double[] s = new double[2];
        float[][] expected = new float[STEPS][2];
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < 2; i++) {
                double g = curvature[i] * theta[i];
                s[i] = 0.9 * s[i] + 0.1 * g * g;
                theta[i] -= 0.01 * g / (Math.sqrt(s[i]) + 1e-8);
                expected[t][i] = (float) theta[i];
            }
        }
        assertSame(path, expected);
    }
}
