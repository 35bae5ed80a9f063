package dev.deteval.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class NumpyMathTest {

    @Test
    void linspace_iouThresholds_matchNumpyElementwise() {
        double[] t = NumpyMath.linspace(0.5, 0.95, 10);
        double step = (0.95 - 0.5) / 9;
        assertThat(t).hasSize(10);
        for (int k = 0; k < 9; k++) {
            assertThat(t[k]).isEqualTo(k * step + 0.5);
        }
        assertThat(t[8]).isEqualTo(0.8999999999999999);
        assertThat(t[9]).isEqualTo(0.95);
    }

    @Test
    void linspace_recallThresholds_someSitAboveTheDecimal() {
        double[] r = NumpyMath.linspace(0, 1, 101);
        assertThat(r[70]).isEqualTo(70 * 0.01).isGreaterThan(0.7);
        assertThat(r[100]).isEqualTo(1.0);
    }

    @Test
    void arange_voc07Thresholds_elevenValuesWithNumpyDrift() {
        double[] t = NumpyMath.arange(0.0, 1.1, 0.1);
        assertThat(t).hasSize(11);
        assertThat(t[3]).isEqualTo(3 * 0.1).isEqualTo(0.30000000000000004);
        assertThat(t[7]).isEqualTo(0.7000000000000001);
        assertThat(t[10]).isEqualTo(1.0);
    }

    @Test
    void sum_fewerThanEight_addsLeftToRight() {
        double[] a = {0.1, 0.2, 0.3};
        assertThat(NumpyMath.sum(a, 3)).isEqualTo(((0.0 + 0.1) + 0.2) + 0.3);
    }

    @Test
    void sum_tenValues_usesEightRunningSumsThenLeftovers() {
        double[] a = {1e16, 1, -1e16, 1, 0.5, 0.25, 3, 7, 1e-3, 2};
        double r0 = a[0];
        double r1 = a[1];
        double r2 = a[2];
        double r3 = a[3];
        double r4 = a[4];
        double r5 = a[5];
        double r6 = a[6];
        double r7 = a[7];
        double expected = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
        expected += a[8];
        expected += a[9];
        assertThat(NumpyMath.sum(a, 10)).isEqualTo(0.0 + expected);
    }

    @Test
    void sum_moreThanOneBuffer_addsBufferSumsToARunningTotal() {
        double[] a = new double[8192 + 5];
        java.util.Arrays.fill(a, 0.1);
        double[] head = java.util.Arrays.copyOf(a, 8192);
        double[] tail = {0.1, 0.1, 0.1, 0.1, 0.1};
        double expected = (0.0 + NumpyMath.sum(head, 8192)) + NumpyMath.sum(tail, 5);
        assertThat(NumpyMath.sum(a, a.length)).isEqualTo(expected);
    }

    @Test
    void mean_values_isSumOverCount() {
        double[] a = {0.25, 0.5, 1.0};
        assertThat(NumpyMath.mean(a, 3)).isEqualTo((0.25 + 0.5 + 1.0) / 3);
    }
}
