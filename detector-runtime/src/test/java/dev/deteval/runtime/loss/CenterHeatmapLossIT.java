package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class CenterHeatmapLossIT {

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void evaluate_softTarget_equalsHandComputedTermsOverCentreCount() {
        float[] y = {1f, 0.5f, 0f, 1f};
        float[] x = {2f, 1f, -1f, -0.5f};
        LossProbe.Result r = LossProbe.run(new CenterHeatmapLoss(2f, 4f), y, x, 1, 4);

        double centre1 = Math.pow(1 - sigmoid(2), 2) * -Math.log(sigmoid(2));
        double near = Math.pow(1 - 0.5, 4) * Math.pow(sigmoid(1), 2) * -Math.log(1 - sigmoid(1));
        double far = Math.pow(sigmoid(-1), 2) * -Math.log(1 - sigmoid(-1));
        double centre2 = Math.pow(1 - sigmoid(-0.5), 2) * -Math.log(sigmoid(-0.5));
        assertThat((double) r.value()).isCloseTo((centre1 + near + far + centre2) / 2, within(FLOAT32_OP_CHAIN));
    }

    @Test
    void evaluate_hardTargets_isFocalLossScaledFromBatchMeanToPerCentre() {
        float[] y = {1f, 0f, 0f, 1f, 0f, 0f};
        float[] x = {0.3f, -2f, 1.5f, 4f, 0f, -0.7f};
        LossProbe.Result ours = LossProbe.run(new CenterHeatmapLoss(2f, 4f), y, x, 2, 3);
        LossProbe.Result focal = LossProbe.run(FocalLoss.unweighted(2f), y, x, 2, 3);

        // focal: sum / 2 samples; ours: sum / 2 centres — here the same divisor
        assertThat((double) ours.value()).isCloseTo(focal.value(), within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < y.length; i++) {
            assertThat((double) ours.gradient()[i]).isCloseTo(focal.gradient()[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void evaluate_noCentre_dividesByOne() {
        float[] y = {0f, 0.2f};
        float[] x = {-3f, 0.5f};
        LossProbe.Result r = LossProbe.run(new CenterHeatmapLoss(2f, 4f), y, x, 1, 2);

        double a = Math.pow(sigmoid(-3), 2) * -Math.log(1 - sigmoid(-3));
        double b = Math.pow(0.8, 4) * Math.pow(sigmoid(0.5), 2) * -Math.log(1 - sigmoid(0.5));
        assertThat((double) r.value()).isCloseTo(a + b, within(FLOAT32_OP_CHAIN));
    }
}
