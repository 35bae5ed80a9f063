package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class KlDivergenceLossIT {

    private static final float[] T = {0.5f, 0.5f, 0f, 0.2f, 0.3f, 0.5f};
    private static final float[] P = {0.25f, 0.25f, 0.5f, 0.1f, 0.6f, 0.3f};

    @Test
    void fromProbabilities_twoRows_equalsMeanOfSumTLogTOverP() {
        LossProbe.Result r = LossProbe.run(KlDivergenceLoss.fromProbabilities(), T, P, 2, 3);
        double row1 = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.25);
        double row2 = 0.2 * Math.log(0.2 / 0.1) + 0.3 * Math.log(0.3 / 0.6) + 0.5 * Math.log(0.5 / 0.3);
        assertThat((double) r.value()).isCloseTo((row1 + row2) / 2, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < T.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(-T[i] / (double) P[i] / 2, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void fromLogits_logOfTarget_isZero() {
        float[] t = {0.2f, 0.3f, 0.5f};
        float[] x = {(float) Math.log(0.2), (float) Math.log(0.3), (float) Math.log(0.5)};
        LossProbe.Result r = LossProbe.run(KlDivergenceLoss.fromLogits(), t, x, 1, 3);
        assertThat((double) r.value()).isCloseTo(0, within(FLOAT32_OP_CHAIN));
        for (float g : r.gradient()) {
            assertThat((double) g).isCloseTo(0, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void fromLogits_differentDistribution_gradientIsSoftmaxMinusTarget() {
        float[] t = {0.2f, 0.3f, 0.5f};
        float[] x = {1f, 0f, -1f};
        LossProbe.Result r = LossProbe.run(KlDivergenceLoss.fromLogits(), t, x, 1, 3);
        double sum = Math.exp(1) + 1 + Math.exp(-1);
        double[] p = {Math.exp(1) / sum, 1 / sum, Math.exp(-1) / sum};
        double expected = 0.2 * Math.log(0.2 / p[0]) + 0.3 * Math.log(0.3 / p[1]) + 0.5 * Math.log(0.5 / p[2]);
        assertThat((double) r.value()).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < 3; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(p[i] - t[i], within(FLOAT32_OP_CHAIN));
        }
    }
}
