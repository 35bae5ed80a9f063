package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class MixtureStatisticsTest {

    @Test
    void wasserstein1_shiftedCopy_isTheShift() {
        float[] a = {0f, 1f, 5f};
        float[] b = {5.5f, 0.5f, 1.5f};

        assertThat(MixtureStatistics.wasserstein1(a, b)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void wasserstein1_allMassAtZeroAgainstTwoModes_isTheModeDistance() {
        float[] atZero = {0f, 0f, 0f, 0f};
        float[] modes = {-2f, 2f, -2f, 2f};

        assertThat(MixtureStatistics.wasserstein1(atZero, modes)).isEqualTo((2 + 2 + 2 + 2) / 4.0);
    }

    @Test
    void wasserstein1_unequalSizes_isRejected() {
        assertThatThrownBy(() -> MixtureStatistics.wasserstein1(new float[2], new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 and 3");
    }

    @Test
    void sharesNear_fiveSamples_countsWithinRadiusInclusive() {
        float[] samples = {-2.6f, -2f, 0f, 1.5f, 2.5f};

        double[] shares = MixtureStatistics.sharesNear(samples, new float[] {-2f, 2f}, 0.5f);

        // −2.6 is 0.6 away; −2 is in; 1.5 and 2.5 are exactly 0.5 away (exact in binary)
        assertThat(shares).containsExactly(new double[] {1 / 5.0, 2 / 5.0}, within(1e-12));
    }

    @Test
    void densityOutline_fourSamplesTwoBins_integratesToOne() {
        double[][] outline = MixtureStatistics.densityOutline(new float[] {0.1f, 0.2f, 0.3f, 1.5f}, 0, 2, 2);

        // bin [0, 1) holds 3 of 4 samples: density 3/(4·1); bin [1, 2]: 1/(4·1)
        assertThat(outline).hasNumberOfRows(2 * 2 + 2);
        assertThat(outline[1]).containsExactly(0, 3 / 4.0);
        assertThat(outline[3]).containsExactly(1, 1 / 4.0);
        assertThat(outline[5]).containsExactly(2, 0);
    }
}
