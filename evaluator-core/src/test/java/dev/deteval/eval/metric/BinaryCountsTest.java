package dev.deteval.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workshop's binary example: ground truth {@code 1 0 1 1 0 1 0} (4 positives, 3 negatives) against four
 * prediction vectors, plus the zero-denominator conventions.
 */
final class BinaryCountsTest {

    private static final boolean[] TRUTH = bits(1, 0, 1, 1, 0, 1, 0);

    @Test
    void of_allPredictedNegative_noPositivesFound() {
        BinaryCounts c = BinaryCounts.of(TRUTH, bits(0, 0, 0, 0, 0, 0, 0));

        assertThat(c).isEqualTo(new BinaryCounts(0, 0, 4, 3));
        assertThat(c.accuracy()).isEqualTo(3.0 / 7);
        assertThat(c.precision()).as("0 / 0, by convention").isEqualTo(0.0);
        assertThat(c.recall()).isEqualTo(0.0 / 4);
        assertThat(c.sensitivity()).isEqualTo(0.0 / 4);
        assertThat(c.specificity()).isEqualTo(3.0 / 3);
        assertThat(c.f1()).as("2*0 / (2*0 + 0 + 4)").isEqualTo(0.0);
    }

    @Test
    void of_allPredictedPositive_perfectRecallNoSpecificity() {
        BinaryCounts c = BinaryCounts.of(TRUTH, bits(1, 1, 1, 1, 1, 1, 1));

        assertThat(c).isEqualTo(new BinaryCounts(4, 3, 0, 0));
        assertThat(c.accuracy()).isEqualTo(4.0 / 7);
        assertThat(c.precision()).isEqualTo(4.0 / 7);
        assertThat(c.recall()).isEqualTo(4.0 / 4);
        assertThat(c.sensitivity()).isEqualTo(4.0 / 4);
        assertThat(c.specificity()).isEqualTo(0.0 / 3);
        assertThat(c.f1()).as("2*4 / (2*4 + 3 + 0)").isEqualTo(8.0 / 11);
    }

    @Test
    void of_mostlyWrongPredictions_lowEverywhere() {
        BinaryCounts c = BinaryCounts.of(TRUTH, bits(1, 0, 0, 0, 1, 0, 1));

        assertThat(c).isEqualTo(new BinaryCounts(1, 2, 3, 1));
        assertThat(c.accuracy()).isEqualTo(2.0 / 7);
        assertThat(c.precision()).isEqualTo(1.0 / 3);
        assertThat(c.recall()).isEqualTo(1.0 / 4);
        assertThat(c.sensitivity()).isEqualTo(1.0 / 4);
        assertThat(c.specificity()).isEqualTo(1.0 / 3);
        assertThat(c.f1()).as("2*1 / (2*1 + 2 + 3)").isEqualTo(2.0 / 7);
    }

    @Test
    void of_oneMissedPositive_perfectPrecision() {
        BinaryCounts c = BinaryCounts.of(TRUTH, bits(1, 0, 1, 1, 0, 0, 0));

        assertThat(c).isEqualTo(new BinaryCounts(3, 0, 1, 3));
        assertThat(c.accuracy()).isEqualTo(6.0 / 7);
        assertThat(c.precision()).isEqualTo(3.0 / 3);
        assertThat(c.recall()).isEqualTo(3.0 / 4);
        assertThat(c.sensitivity()).isEqualTo(3.0 / 4);
        assertThat(c.specificity()).isEqualTo(3.0 / 3);
        assertThat(c.f1()).as("2*3 / (2*3 + 0 + 1)").isEqualTo(6.0 / 7);
    }

    @Test
    void fBeta_workshopExample_weighsRecall() {
        BinaryCounts c = BinaryCounts.of(TRUTH, bits(1, 0, 0, 0, 1, 0, 1));

        // P = 1/3, R = 1/4: (1 + 4) * P * R / (4 * P + R) = (5/12) / (4/3 + 1/4) = 5/19
        assertThat(c.fBeta(2)).isEqualTo(5.0 / 19);
        // (1 + 1/4) * P * R / (P/4 + R) = (5/48) / (1/12 + 1/4) = 5/16
        assertThat(c.fBeta(0.5)).isEqualTo(5.0 / 16);
        assertThat(c.fBeta(1)).isEqualTo(c.f1());
        assertThat(c.fBeta(0)).isEqualTo(c.precision());
    }

    @Test
    void ratios_noSamples_allZero() {
        BinaryCounts c = BinaryCounts.of(new boolean[0], new boolean[0]);

        assertThat(c).isEqualTo(new BinaryCounts(0, 0, 0, 0));
        assertThat(new double[] {c.accuracy(), c.precision(), c.recall(), c.specificity(), c.f1(), c.fBeta(2)})
                .containsOnly(0.0);
    }

    @Test
    void fBeta_precisionPlusRecallZero_isZero() {
        BinaryCounts c = new BinaryCounts(0, 5, 7, 2);

        assertThat(c.precision() + c.recall()).isEqualTo(0.0);
        assertThat(c.fBeta(0.5)).isEqualTo(0.0);
        assertThat(c.f1()).isEqualTo(0.0);
    }

    @Test
    void specificity_noActualNegatives_isZero() {
        assertThat(new BinaryCounts(3, 0, 1, 0).specificity()).isEqualTo(0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, -0.001, Double.NaN, Double.POSITIVE_INFINITY})
    void fBeta_invalidBeta_throws(double beta) {
        assertThatThrownBy(() -> new BinaryCounts(1, 1, 1, 1).fBeta(beta))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beta must be finite and not negative");
    }

    @Test
    void new_negativeCount_throwsNamingTheCount() {
        assertThatThrownBy(() -> new BinaryCounts(1, 2, -3, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fn must not be negative, got -3");
    }

    @Test
    void new_countsOverflowLong_throws() {
        assertThatThrownBy(() -> new BinaryCounts(Long.MAX_VALUE, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must sum to at most");
    }

    @Test
    void of_lengthsDiffer_throws() {
        assertThatThrownBy(() -> BinaryCounts.of(bits(1, 0), bits(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truth and predicted must have the same length, got 2 and 1");
    }

    @Test
    void plus_twoCounts_addsEachCount() {
        assertThat(new BinaryCounts(1, 2, 3, 4).plus(new BinaryCounts(10, 20, 30, 40)))
                .isEqualTo(new BinaryCounts(11, 22, 33, 44));
    }

    @Test
    void denominators_workshopExample_matchDefinitions() {
        BinaryCounts c = new BinaryCounts(1, 2, 3, 1);

        assertThat(c.total()).isEqualTo(7);
        assertThat(c.positives()).isEqualTo(4);
        assertThat(c.negatives()).isEqualTo(3);
        assertThat(c.predictedPositives()).isEqualTo(3);
    }

    static boolean[] bits(int... values) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == 1;
        }
        return out;
    }
}
