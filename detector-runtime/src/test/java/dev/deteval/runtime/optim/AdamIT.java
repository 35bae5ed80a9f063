package dev.deteval.runtime.optim;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static dev.deteval.runtime.optim.SgdIT.assertSame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

final class AdamIT {

    private static final int STEPS = 20;

    @Test
    void update_epsilonZero_matchesDjlAdam() {
        // with ε = 0 DJL's folded bias correction is algebraically the same update
        Optimizer ours = Adam.builder(0.05f).optEpsilon(0f).build();
        Optimizer djl = Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).optEpsilon(0f).build();

        assertSame(Trajectories.leastSquares(ours, STEPS), Trajectories.leastSquares(djl, STEPS));
    }

    @Test
    void update_decoupledDecay_matchesDjlAdamW() {
        Optimizer ours = Adam.builder(0.05f).optEpsilon(0f).optDecoupledWeightDecay(0.3f).build();
        Optimizer djl = Optimizer.adamW()
                .optLearningRateTracker(Tracker.fixed(0.05f))
                .optEpsilon(0f)
                .optWeightDecays(0.3f)
                .build();

        assertSame(Trajectories.leastSquares(ours, STEPS), Trajectories.leastSquares(djl, STEPS));
    }

    @Test
    void update_firstStep_movesEachCoordinateByEtaAgainstGradientSign() {
        // t = 1: m̂ = g, v̂ = g², so Δθ = η g / |g| = η·sign(g), whatever the curvature
        float[][] path = Trajectories.quadratic(Adam.builder(0.1f).build(), new float[] {1f, -2f}, 1f, 10f, 1);

        assertThat(path[0]).containsExactly(new float[] {1f - 0.1f, -2f + 0.1f}, within((float) FEW_FLOAT32_OPS));
    }

    @Test
    void update_twoParameterQuadratic_followsBiasCorrectedMoments() {
        float[][] path = Trajectories.quadratic(Adam.builder(0.1f).build(), new float[] {1f, -2f}, 1f, 10f, STEPS);

        double[] curvature = {1, 10};
        double[] theta = {1, -2};
        double[] m = new double[2];
        double[] v = new double[2];
        float[][] expected = new float[STEPS][2];
        for (int t = 1; t <= STEPS; t++) {
            for (int i = 0; i < 2; i++) {
                double g = curvature[i] * theta[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                theta[i] -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
                expected[t - 1][i] = (float) theta[i];
            }
        }
        assertSame(path, expected);
    }
}
