package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

final class FocalLossIT {

    private static final float[] T = {1f, 0f, 1f, 0f};
    private static final float[] X = {2f, -1f, -0.5f, 3f};

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Reference focal term and its derivative in x, in double, from p = σ(x). */
    private static double[] focal(double x, double t, double gamma, double alpha) {
        double p = sigmoid(x);
        double pt = t == 1 ? p : 1 - p;
        double at = t == 1 ? alpha : 1 - alpha;
        double value = -at * Math.pow(1 - pt, gamma) * Math.log(pt);
        // d pt / dx = s p (1 - p) with s = 2t - 1
        double dpt = (2 * t - 1) * p * (1 - p);
        double dValueDpt = -at * (-gamma * Math.pow(1 - pt, gamma - 1) * Math.log(pt) + Math.pow(1 - pt, gamma) / pt);
        return new double[] {value, dValueDpt * dpt};
    }

    @Test
    void evaluate_gammaTwoAlphaQuarter_equalsReferenceValueAndGradient() {
        LossProbe.Result r = LossProbe.run(FocalLoss.of(2f, 0.25f), T, X, 4);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += focal(X[i], T[i], 2, 0.25)[0];
        }
        assertThat((double) r.value()).isCloseTo(sum / 4, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < 4; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(focal(X[i], T[i], 2, 0.25)[1] / 4, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void evaluate_gammaZeroUnweighted_equalsDjlSigmoidCrossEntropy() {
        LossProbe.Result ours = LossProbe.run(FocalLoss.unweighted(0f), T, X, 4, 1);
        LossProbe.Result djl = LossProbe.run(Loss.sigmoidBinaryCrossEntropyLoss(), T, X, 4, 1);
        assertThat((double) ours.value()).isCloseTo(djl.value(), within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < 4; i++) {
            assertThat((double) ours.gradient()[i]).isCloseTo(djl.gradient()[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void evaluate_extremeLogits_staysFinite() {
        LossProbe.Result r = LossProbe.run(FocalLoss.of(0.5f, 0.25f), new float[] {1f, 0f}, new float[] {-100f, 100f}, 2);
        // p_t ≈ e^-100, so (1 - p_t)^γ ≈ 1 and -log p_t ≈ 100: (0.25 · 100 + 0.75 · 100) / 2
        // the expected value leaves out terms of order e^-100; ulp(50) = 3.8e-6, so 1e-3 only guards against a
        // wrong weighting or a lost log, which is what this test is about (measured: exactly 50)
        assertThat((double) r.value()).isCloseTo((0.25 * 100 + 0.75 * 100) / 2, within(1e-3));
        assertThat(r.gradient()).doesNotContain(Float.NaN);
    }
}
