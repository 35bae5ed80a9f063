package dev.deteval.runtime.optim;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static dev.deteval.runtime.optim.SgdIT.assertSame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.optimizer.Optimizer;
import org.junit.jupiter.api.Test;

final class AdaGradIT {

    private static final int STEPS = 20;

    @Test
    void update_djlBuiltInOnPyTorch_isNotImplemented() {
        assertThatThrownBy(() -> Trajectories.leastSquares(Optimizer.adagrad().build(), 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void update_twoParameterQuadratic_followsSquaredGradientSum() {
        float[][] path = Trajectories.quadratic(AdaGrad.builder(0.5f).build(), new float[] {1f, -2f}, 1f, 10f, STEPS);

        // first coordinate by hand: s1 = 1, θ1 = 1 − 0.5·1/1 = 0.5; s2 = 1 + 0.25, θ2 = 0.5 − 0.5·0.5/√1.25
        assertThat(path[0][0]).isCloseTo(0.5f, within((float) FEW_FLOAT32_OPS));
        assertThat(path[1][0]).isCloseTo((float) (0.5 - 0.25 / Math.sqrt(1.25)), within((float) FEW_FLOAT32_OPS));
        double[] curvature = {1, 10};
        double[] theta = {1, -2};
        double[] s = new double[2];
        float[][] expected = new float[STEPS][2];
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < 2; i++) {
                double g = curvature[i] * theta[i];
                s[i] += g * g;
                theta[i] -= 0.5 * g / (Math.sqrt(s[i]) + 1e-8);
                expected[t][i] = (float) theta[i];
            }
        }
        assertSame(path, expected);
    }
}
