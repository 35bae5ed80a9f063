package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

final class MeanSquaredErrorLossIT {

    private static final float[] T = {1f, 0f, 0f, 1f, 0.5f, -2f};
    private static final float[] P = {0.9f, 0.1f, 0.3f, 0.6f, 1.5f, -1f};

    @Test
    void evaluate_twoRowsOfThree_sumsPerRowAndAveragesRows() {
        LossProbe.Result r = LossProbe.run(new MeanSquaredErrorLoss(), T, P, 2, 3);
        double row1 = 0.1 * 0.1 + 0.1 * 0.1 + 0.3 * 0.3;
        double row2 = 0.4 * 0.4 + 1.0 * 1.0 + 1.0 * 1.0;
        assertThat((double) r.value()).isCloseTo((row1 + row2) / 2, within(FLOAT32_OP_CHAIN));
    }

    @Test
    void gradient_twoRowsOfThree_isTwiceTheErrorOverBatch() {
        LossProbe.Result r = LossProbe.run(new MeanSquaredErrorLoss(), T, P, 2, 3);
        for (int i = 0; i < P.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(2.0 * (P[i] - T[i]) / 2, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void evaluate_comparedWithDjlL2_isTwiceElementsPerSampleTimesDjl() {
        LossProbe.Result ours = LossProbe.run(new MeanSquaredErrorLoss(), T, P, 2, 3);
        LossProbe.Result djl = LossProbe.run(Loss.l2Loss(), T, P, 2, 3);
        assertThat((double) ours.value()).isCloseTo(2 * 3 * djl.value(), within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < P.length; i++) {
            assertThat((double) ours.gradient()[i]).isCloseTo(2 * 3 * djl.gradient()[i], within(FLOAT32_OP_CHAIN));
        }
    }
}
