package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * The workshop's loss table: two networks with the same classification error whose squared error and
 * cross-entropy tell them apart. Rows are (dog, cat).
 */
final class WorkshopLossTableIT {

    private static final float[] TARGETS = {1f, 0f, 0f, 1f, 1f, 0f};
    private static final float[] NN1 = {0.9f, 0.1f, 0.1f, 0.9f, 0.4f, 0.6f};
    private static final float[] NN2 = {0.6f, 0.4f, 0.3f, 0.7f, 0.1f, 0.9f};

    /**
     * Two decimals, as the workshop table prints them. The four values (0.2533, 0.7067, 0.3757, 1.0567) are at
     * least 6.7e-4 from a rounding boundary, thousands of times the float32 error, so no kernel can flip them.
     */
    private static double rounded(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static float argMaxError(float[] predictions) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray p = manager.create(predictions).reshape(3, 2);
            NDArray t = manager.create(TARGETS).reshape(3, 2);
            return p.argMax(1).neq(t.argMax(1)).toType(DataType.FLOAT32, false).mean().getFloat();
        }
    }

    @Test
    void classificationError_bothNetworks_isOneThird() {
        assertThat((double) argMaxError(NN1)).isCloseTo(1.0 / 3, within(FLOAT32_OP_CHAIN));
        assertThat((double) argMaxError(NN2)).isCloseTo(1.0 / 3, within(FLOAT32_OP_CHAIN));
        assertThat((double) LossProbe.run(new HammingLoss(), TARGETS, NN1, 3, 2).value())
                .isCloseTo(1.0 / 3, within(FLOAT32_OP_CHAIN));
        assertThat((double) LossProbe.run(new HammingLoss(), TARGETS, NN2, 3, 2).value())
                .isCloseTo(1.0 / 3, within(FLOAT32_OP_CHAIN));
    }

    @Test
    void meanSquaredError_sumOverClassesMeanOverRows_is025Versus071() {
        double nn1 = LossProbe.run(new MeanSquaredErrorLoss(), TARGETS, NN1, 3, 2).value();
        double nn2 = LossProbe.run(new MeanSquaredErrorLoss(), TARGETS, NN2, 3, 2).value();
        assertThat(nn1).isCloseTo((0.01 + 0.01 + 0.01 + 0.01 + 0.36 + 0.36) / 3, within(FLOAT32_OP_CHAIN));
        assertThat(nn2).isCloseTo((0.16 + 0.16 + 0.09 + 0.09 + 0.81 + 0.81) / 3, within(FLOAT32_OP_CHAIN));
        assertThat(rounded(nn1)).isEqualTo(0.25);
        assertThat(rounded(nn2)).isEqualTo(0.71);
    }

    @Test
    void crossEntropy_meanOverRowsNaturalLog_is038Versus106() {
        double nn1 = LossProbe.run(CategoricalCrossEntropyLoss.fromProbabilities(), TARGETS, NN1, 3, 2).value();
        double nn2 = LossProbe.run(CategoricalCrossEntropyLoss.fromProbabilities(), TARGETS, NN2, 3, 2).value();
        assertThat(nn1).isCloseTo(-(Math.log(0.9) + Math.log(0.9) + Math.log(0.4)) / 3, within(FLOAT32_OP_CHAIN));
        assertThat(nn2).isCloseTo(-(Math.log(0.6) + Math.log(0.7) + Math.log(0.1)) / 3, within(FLOAT32_OP_CHAIN));
        assertThat(rounded(nn1)).isEqualTo(0.38);
        assertThat(rounded(nn2)).isEqualTo(1.06);
    }
}
