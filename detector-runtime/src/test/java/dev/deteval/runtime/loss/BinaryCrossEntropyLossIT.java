package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

final class BinaryCrossEntropyLossIT {

    private static final float[] T = {1f, 0f, 1f, 0f};
    private static final float[] X = {2f, -1f, -0.5f, 3f};
    private static final float[] P = {0.9f, 0.2f, 0.35f, 0.6f};

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void fromLogits_fourSamples_equalsMeanOfMinusLogLikelihood() {
        LossProbe.Result r = LossProbe.run(BinaryCrossEntropyLoss.fromLogits(), T, X, 4);
        double expected = -(Math.log(sigmoid(2)) + Math.log(1 - sigmoid(-1)) + Math.log(sigmoid(-0.5))
                + Math.log(1 - sigmoid(3))) / 4;
        assertThat((double) r.value()).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < X.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo((sigmoid(X[i]) - T[i]) / 4, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void fromLogits_extremeLogits_staysFinite() {
        float[] t = {1f, 0f, 0f, 1f};
        float[] x = {200f, -200f, 200f, -200f};
        LossProbe.Result r = LossProbe.run(BinaryCrossEntropyLoss.fromLogits(), t, x, 4);
        // exact: softplus returns x itself beyond its threshold, σ(200) rounds to 1 and σ(−200) to 0 in float32
        assertThat((double) r.value()).isCloseTo((0 + 0 + 200 + 200) / 4.0, within(FLOAT32_OP_CHAIN));
        assertThat(r.gradient()).containsExactly(0f, 0f, 0.25f, -0.25f);
    }

    @Test
    void fromLogits_comparedWithDjl_isEqual() {
        LossProbe.Result ours = LossProbe.run(BinaryCrossEntropyLoss.fromLogits(), T, X, 4, 1);
        LossProbe.Result djl = LossProbe.run(Loss.sigmoidBinaryCrossEntropyLoss(), T, X, 4, 1);
        assertThat((double) ours.value()).isCloseTo(djl.value(), within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < X.length; i++) {
            assertThat((double) ours.gradient()[i]).isCloseTo(djl.gradient()[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void fromProbabilities_fourSamples_equalsMeanOfMinusLogLikelihood() {
        LossProbe.Result r = LossProbe.run(BinaryCrossEntropyLoss.fromProbabilities(), T, P, 4);
        double expected = -(Math.log(0.9) + Math.log(1 - 0.2) + Math.log(0.35) + Math.log(1 - 0.6)) / 4;
        assertThat((double) r.value()).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < P.length; i++) {
            double p = P[i];
            assertThat((double) r.gradient()[i]).isCloseTo((p - T[i]) / (p * (1 - p)) / 4, within(FLOAT32_OP_CHAIN));
        }
    }

    /** DJL 0.36's {@code fromSigmoid = true} branch returns the log-likelihood without the minus sign. */
    @Test
    void fromProbabilities_comparedWithDjlFromSigmoid_isItsNegation() {
        LossProbe.Result ours = LossProbe.run(BinaryCrossEntropyLoss.fromProbabilities(), T, P, 4, 1);
        LossProbe.Result djl = LossProbe.run(Loss.sigmoidBinaryCrossEntropyLoss("djl", 1f, true), T, P, 4, 1);
        assertThat((double) ours.value()).isCloseTo(-djl.value(), within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < P.length; i++) {
            assertThat((double) ours.gradient()[i]).isCloseTo(-djl.gradient()[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void fromProbabilities_zeroAndOne_clampsToFiniteValue() {
        LossProbe.Result r = LossProbe.run(BinaryCrossEntropyLoss.fromProbabilities(), new float[] {1f, 0f},
                new float[] {0f, 1f}, 2);
        double upper = 1f - 1e-7f; // the upper clamp bound as float32 holds it: 1 - 2^-23
        // ≈ 16 (ulp 1.9e-6), and the log of 1 − p at the upper clamp sees a one-ulp difference, so the float32
        // value carries a few ulps of that: 1e-4 (measured 1.3e-6)
        assertThat((double) r.value()).isCloseTo((-Math.log(1e-7f) - Math.log(1 - upper)) / 2, within(1e-4));
    }
}
