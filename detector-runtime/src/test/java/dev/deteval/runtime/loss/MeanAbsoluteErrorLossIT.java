package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

final class MeanAbsoluteErrorLossIT {

    private static final float[] T = {1f, 0f, 0f, 1f, 0.5f, -2f};
    private static final float[] P = {0.9f, 0.1f, 0.3f, 0.6f, 1.5f, -1f};

    @Test
    void evaluate_twoRowsOfThree_sumsPerRowAndAveragesRows() {
        LossProbe.Result r = LossProbe.run(new MeanAbsoluteErrorLoss(), T, P, 2, 3);
        assertThat((double) r.value()).isCloseTo(((0.1 + 0.1 + 0.3) + (0.4 + 1.0 + 1.0)) / 2, within(FLOAT32_OP_CHAIN));
    }

    @Test
    void gradient_twoRowsOfThree_isSignOverBatch() {
        LossProbe.Result r = LossProbe.run(new MeanAbsoluteErrorLoss(), T, P, 2, 3);
        for (int i = 0; i < P.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(Math.signum(P[i] - T[i]) / 2, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void evaluate_comparedWithDjlL1_isElementsPerSampleTimesDjl() {
        LossProbe.Result ours = LossProbe.run(new MeanAbsoluteErrorLoss(), T, P, 2, 3);
        LossProbe.Result djl = LossProbe.run(Loss.l1Loss(), T, P, 2, 3);
        assertThat((double) ours.value()).isCloseTo(3 * djl.value(), within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < P.length; i++) {
            assertThat((double) ours.gradient()[i]).isCloseTo(3 * djl.gradient()[i], within(FLOAT32_OP_CHAIN));
        }
    }
}
