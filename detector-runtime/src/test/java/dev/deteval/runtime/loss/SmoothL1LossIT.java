package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class SmoothL1LossIT {

    @Test
    void evaluate_betaHalf_quadraticInsideLinearOutside() {
        float[] t = {0f, 0f, 0f, 0f};
        float[] p = {0.2f, -0.4f, 1f, -3f};
        LossProbe.Result r = LossProbe.run(new SmoothL1Loss(0.5f), t, p, 2, 2);
        double row1 = 0.5 * 0.04 / 0.5 + 0.5 * 0.16 / 0.5;
        double row2 = (1 - 0.25) + (3 - 0.25);
        assertThat((double) r.value()).isCloseTo((row1 + row2) / 2, within(FLOAT32_OP_CHAIN));
        double[] expected = {0.2 / 0.5 / 2, -0.4 / 0.5 / 2, 1.0 / 2, -1.0 / 2};
        for (int i = 0; i < 4; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(expected[i], within(FLOAT32_OP_CHAIN));
        }
    }
}
