package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

final class CategoricalCrossEntropyLossIT {

    private static final float[] T = {1f, 0f, 0f, 0f, 0f, 1f};
    private static final float[] X = {2f, 1f, 0.1f, -1f, 0.5f, 3f};

    private static double[] softmax(double a, double b, double c) {
        double m = Math.max(a, Math.max(b, c));
        double sum = Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m);
        return new double[] {Math.exp(a - m) / sum, Math.exp(b - m) / sum, Math.exp(c - m) / sum};
    }

    @Test
    void fromLogits_twoRows_equalsMeanMinusLogSoftmaxOfTarget() {
        LossProbe.Result r = LossProbe.run(CategoricalCrossEntropyLoss.fromLogits(), T, X, 2, 3);
        double[] row1 = softmax(2, 1, 0.1);
        double[] row2 = softmax(-1, 0.5, 3);
        assertThat((double) r.value()).isCloseTo(-(Math.log(row1[0]) + Math.log(row2[2])) / 2, within(FLOAT32_OP_CHAIN));
        double[] p = {row1[0], row1[1], row1[2], row2[0], row2[1], row2[2]};
        for (int i = 0; i < p.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo((p[i] - T[i]) / 2, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void fromLogits_hugeLogits_staysFinite() {
        LossProbe.Result r = LossProbe.run(CategoricalCrossEntropyLoss.fromLogits(), new float[] {0f, 1f},
                new float[] {1000f, 0f}, 1, 2);
        // exact: e^-1000 underflows to 0, so log-sum-exp is the maximum itself (the tolerance is below ulp(1000))
        assertThat((double) r.value()).isCloseTo(1000, within(FLOAT32_OP_CHAIN));
    }

    @Test
    void fromLogits_comparedWithDjlSparseSoftmaxCrossEntropy_isEqual() {
        LossProbe.Result ours = LossProbe.run(CategoricalCrossEntropyLoss.fromLogits(), T, X, 2, 3);
        LossProbe.Result djl = LossProbe.run(Loss.softmaxCrossEntropyLoss(), new float[] {0f, 2f}, new Shape(2),
                X, new Shape(2, 3));
        assertThat((double) ours.value()).isCloseTo(djl.value(), within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < X.length; i++) {
            assertThat((double) ours.gradient()[i]).isCloseTo(djl.gradient()[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void fromProbabilities_twoRows_equalsMeanMinusLogOfTarget() {
        float[] p = {0.7f, 0.2f, 0.1f, 0.25f, 0.25f, 0.5f};
        LossProbe.Result r = LossProbe.run(CategoricalCrossEntropyLoss.fromProbabilities(), T, p, 2, 3);
        assertThat((double) r.value()).isCloseTo(-(Math.log(0.7) + Math.log(0.5)) / 2, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < p.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(-T[i] / (double) p[i] / 2, within(FLOAT32_OP_CHAIN));
        }
    }
}
