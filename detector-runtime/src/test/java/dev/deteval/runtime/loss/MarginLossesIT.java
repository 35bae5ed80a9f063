package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

/** {@link HingeLoss}, {@link SquaredHingeLoss}, {@link AbsoluteMarginLoss}, {@link ExponentialMarginLoss}. */
final class MarginLossesIT {

    /** Labels in {-1, +1}; margins z = t·p are 2, 0.5, -0.3, 1.5 and -2. */
    private static final float[] T = {1f, -1f, 1f, -1f, 1f};
    private static final float[] P = {2f, -0.5f, -0.3f, -1.5f, -2f};
    private static final double[] Z = {2, 0.5, -0.3, 1.5, -2};
    private static final int N = 5;

    @Test
    void hinge_fiveMargins_equalsMeanOfPositivePart() {
        LossProbe.Result r = LossProbe.run(new HingeLoss(), T, P, N);
        assertThat((double) r.value()).isCloseTo((0 + 0.5 + 1.3 + 0 + 3) / N, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < N; i++) {
            double expected = Z[i] < 1 ? -T[i] / (double) N : 0;
            assertThat((double) r.gradient()[i]).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void hinge_comparedWithDjlOnSameLabels_isEqual() {
        LossProbe.Result ours = LossProbe.run(new HingeLoss(), T, P, N, 1);
        LossProbe.Result djl = LossProbe.run(Loss.hingeLoss(), T, P, N, 1);
        assertThat((double) ours.value()).isCloseTo(djl.value(), within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < N; i++) {
            assertThat((double) ours.gradient()[i]).isCloseTo(djl.gradient()[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void squaredHinge_fiveMargins_equalsMeanOfSquaredPositivePart() {
        LossProbe.Result r = LossProbe.run(new SquaredHingeLoss(), T, P, N);
        assertThat((double) r.value()).isCloseTo((0 + 0.25 + 1.69 + 0 + 9) / N, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < N; i++) {
            double expected = -2 * T[i] * Math.max(0, 1 - Z[i]) / N;
            assertThat((double) r.gradient()[i]).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void absoluteMargin_fiveMargins_alsoPunishesBeyondTheMargin() {
        LossProbe.Result r = LossProbe.run(new AbsoluteMarginLoss(), T, P, N);
        assertThat((double) r.value()).isCloseTo((1 + 0.5 + 1.3 + 0.5 + 3) / N, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < N; i++) {
            double expected = -T[i] * Math.signum(1 - Z[i]) / N;
            assertThat((double) r.gradient()[i]).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void exponentialMargin_fiveMargins_equalsMeanOfExpMinusZ() {
        LossProbe.Result r = LossProbe.run(new ExponentialMarginLoss(), T, P, N);
        double expected = (Math.exp(-2) + Math.exp(-0.5) + Math.exp(0.3) + Math.exp(-1.5) + Math.exp(2)) / N;
        assertThat((double) r.value()).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < N; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(-T[i] * Math.exp(-Z[i]) / N, within(FLOAT32_OP_CHAIN));
        }
    }
}
