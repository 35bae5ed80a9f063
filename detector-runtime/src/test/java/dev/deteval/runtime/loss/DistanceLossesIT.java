package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link MinkowskiLoss}, {@link ChebyshevLoss} and {@link HammingLoss}. */
final class DistanceLossesIT {

    /** Differences p - t: row 1 (0.5, -1, 2), row 2 (-0.25, 0.75, 0.5). */
    private static final float[] T = {0f, 1f, -1f, 1f, 0f, 0f};
    private static final float[] P = {0.5f, 0f, 1f, 0.75f, 0.75f, 0.5f};
    private static final double[] D = {0.5, -1, 2, -0.25, 0.75, 0.5};

    @Test
    void minkowski_q3_equalsMeanOfCubeRootOfSummedCubes() {
        LossProbe.Result r = LossProbe.run(new MinkowskiLoss(3f), T, P, 2, 3);
        double d1 = Math.cbrt(0.125 + 1 + 8);
        double d2 = Math.cbrt(0.015625 + 0.421875 + 0.125);
        assertThat((double) r.value()).isCloseTo((d1 + d2) / 2, within(FLOAT32_OP_CHAIN));
        double[] norms = {d1, d1, d1, d2, d2, d2};
        for (int i = 0; i < D.length; i++) {
            double expected = Math.signum(D[i]) * D[i] * D[i] / (norms[i] * norms[i]) / 2;
            assertThat((double) r.gradient()[i]).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void minkowski_q1_equalsAbsoluteError() {
        LossProbe.Result minkowski = LossProbe.run(new MinkowskiLoss(1f), T, P, 2, 3);
        LossProbe.Result l1 = LossProbe.run(new MeanAbsoluteErrorLoss(), T, P, 2, 3);
        assertThat((double) minkowski.value()).isCloseTo(l1.value(), within(FLOAT32_OP_CHAIN));
        assertThat((double) minkowski.value()).isCloseTo((3.5 + 1.5) / 2, within(FLOAT32_OP_CHAIN));
    }

    @Test
    void minkowski_orderBelowOne_isRejected() {
        assertThatThrownBy(() -> new MinkowskiLoss(0.5f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void chebyshev_twoRows_equalsMeanOfLargestAbsoluteDifference() {
        LossProbe.Result r = LossProbe.run(new ChebyshevLoss(), T, P, 2, 3);
        assertThat((double) r.value()).isCloseTo((2 + 0.75) / 2, within(FLOAT32_OP_CHAIN));
        double[] expected = {0, 0, 1.0 / 2, 0, 1.0 / 2, 0};
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(expected[i], within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void hamming_twoRows_equalsMeanFractionOfDisagreementsAndHasZeroGradient() {
        float[] t = {1f, 0f, 1f, 0f, 0f, 1f};
        float[] p = {0.9f, 0.6f, 0.2f, 0.1f, 0.4f, 0.7f};
        LossProbe.Result r = LossProbe.run(new HammingLoss(), t, p, 2, 3);
        assertThat((double) r.value()).isCloseTo((2.0 / 3 + 0.0 / 3) / 2, within(FLOAT32_OP_CHAIN));
        assertThat(r.gradient()).containsOnly(0f);
    }
}
