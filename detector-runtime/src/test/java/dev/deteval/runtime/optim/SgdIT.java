package dev.deteval.runtime.optim;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static dev.deteval.runtime.Tolerances.OPTIMIZER_TRAJECTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

final class SgdIT {

    private static final int STEPS = 20;

    @Test
    void update_gradientDescent_matchesDjlSgd() {
        float[][] ours = Trajectories.leastSquares(Sgd.gradientDescent(0.1f), STEPS);
        float[][] djl = Trajectories.leastSquares(
                Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build(), STEPS);

        assertSame(ours, djl);
    }

    @Test
    void update_momentumAndCoupledDecay_matchesDjlSgd() {
        Optimizer ours = Sgd.builder(0.05f).optMomentum(0.9f).optWeightDecays(0.01f).build();
        Optimizer djl = Optimizer.sgd()
                .setLearningRateTracker(Tracker.fixed(0.05f))
                .optMomentum(0.9f)
                .optWeightDecays(0.01f)
                .build();

        assertSame(Trajectories.leastSquares(ours, STEPS), Trajectories.leastSquares(djl, STEPS));
    }

    @Test
    void update_decoupledDecayWithoutMomentum_equalsDjlCoupledDecay() {
        // θ − η(g + λθ) = θ − ηλθ − ηg: without momentum, coupled and decoupled decay coincide
        Optimizer ours = Sgd.builder(0.1f).optDecoupledWeightDecay(0.2f).build();
        Optimizer djl = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).optWeightDecays(0.2f).build();

        assertSame(Trajectories.leastSquares(ours, STEPS), Trajectories.leastSquares(djl, STEPS));
    }

    @Test
    void update_gradientDescentOnHalfSquare_shrinksByOneMinusEtaEachStep() {
        // f = θ²/2 per coordinate, ∇f = θ, so θ_t = (1 − η)^t θ_0
        float[][] path = Trajectories.quadratic(Sgd.gradientDescent(0.1f), new float[] {1f, -2f}, 1f, 1f, STEPS);

        assertThat(path[0]).containsExactly(new float[] {0.9f, -1.8f}, within((float) FEW_FLOAT32_OPS));
        for (int t = 1; t <= STEPS; t++) {
            double shrink = Math.pow(1 - 0.1, t);
            assertThat(path[t - 1]).containsExactly(new float[] {(float) shrink, (float) (-2 * shrink)}, within((float) OPTIMIZER_TRAJECTORY));
        }
    }

    @Test
    void update_momentumOnHalfSquare_followsVelocityRecurrence() {
        float[][] path = Trajectories.quadratic(
                Sgd.builder(0.1f).optMomentum(0.9f).build(), new float[] {1f, 1f}, 1f, 10f, STEPS);

        // first coordinate by hand: v1 = 0.1·1, θ1 = 0.9; v2 = 0.9·0.1 + 0.1·0.9 = 0.18, θ2 = 0.72;
        // v3 = 0.9·0.18 + 0.1·0.72 = 0.234, θ3 = 0.486
        assertThat(path[0][0]).isCloseTo(0.9f, within((float) FEW_FLOAT32_OPS));
        assertThat(path[1][0]).isCloseTo(0.72f, within((float) FEW_FLOAT32_OPS));
        assertThat(path[2][0]).isCloseTo(0.486f, within((float) FEW_FLOAT32_OPS));
        assertSame(path, momentumReference(new double[] {1, 10}, 0.1, 0.9, 0.0));
    }

    @Test
    void update_momentumWithDecoupledDecay_shrinksWeightOutsideVelocity() {
        Optimizer sgdw = Sgd.builder(0.05f).optMomentum(0.8f).optDecoupledWeightDecay(0.5f).build();

        float[][] path = Trajectories.quadratic(sgdw, new float[] {1f, 1f}, 1f, 10f, STEPS);

        // first coordinate, step 1: v = 0.05·1, θ = 1 − 0.05·0.5·1 − 0.05 = 0.925
        assertThat(path[0][0]).isCloseTo(1f - 0.05f * 0.5f - 0.05f, within((float) FEW_FLOAT32_OPS));
        assertSame(path, momentumReference(new double[] {1, 10}, 0.05, 0.8, 0.5));
    }

    /** v ← γv + η∇f(θ), θ ← θ − ηλθ − v on f = ½ Σ cᵢθᵢ², from θ = (1, …, 1). */
    private static float[][] momentumReference(double[] curvature, double eta, double gamma, double lambda) {
        double[] theta = {1, 1};
        double[] v = new double[2];
        float[][] out = new float[STEPS][2];
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < 2; i++) {
                v[i] = gamma * v[i] + eta * curvature[i] * theta[i];
                theta[i] = theta[i] - eta * lambda * theta[i] - v[i];
                out[t][i] = (float) theta[i];
            }
        }
        return out;
    }

    static void assertSame(float[][] actual, float[][] expected) {
        assertThat(actual).hasSameDimensionsAs(expected);
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("step %d", t + 1).containsExactly(expected[t], within((float) OPTIMIZER_TRAJECTORY));
        }
    }
}
