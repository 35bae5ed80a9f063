package dev.deteval.eval.metric;

import static dev.deteval.eval.metric.BinaryCountsTest.bits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A three-class example worked by hand. Rows are the true class, columns the predicted class:
 * <pre>
 *            pred 0  pred 1  pred 2   support
 *   true 0      3       1       0        4
 *   true 1      0       2       1        3
 *   true 2      2       0       1        3
 * </pre>
 * One-vs-rest: class 0 tp 3 fp 2 fn 1 tn 4; class 1 tp 2 fp 1 fn 1 tn 6; class 2 tp 1 fp 1 fn 2 tn 6.
 */
final class ConfusionMatrixTest {

    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 0, 1, 1, 1, 2, 0, 0, 2};
    private static final ConfusionMatrix M = ConfusionMatrix.of(TRUTH, PREDICTED, 3);
    private static final double TOLERANCE = 1e-15;

    @Test
    void of_threeClasses_countsCells() {
        assertThat(M.toArray()).isEqualTo(new long[][] {{3, 1, 0}, {0, 2, 1}, {2, 0, 1}});
        assertThat(M.total()).isEqualTo(10);
        assertThat(M.correct()).isEqualTo(6);
        assertThat(M.support(0)).isEqualTo(4);
        assertThat(M.predictedCount(0)).isEqualTo(5);
        assertThat(M.count(2, 0)).isEqualTo(2);
    }

    @Test
    void counts_eachClass_oneVsRest() {
        assertThat(M.counts(0)).isEqualTo(new BinaryCounts(3, 2, 1, 4));
        assertThat(M.counts(1)).isEqualTo(new BinaryCounts(2, 1, 1, 6));
        assertThat(M.counts(2)).isEqualTo(new BinaryCounts(1, 1, 2, 6));
        assertThat(M.pooledCounts()).isEqualTo(new BinaryCounts(6, 4, 4, 16));
    }

    @Test
    void accuracy_threeClasses_isDiagonalOverTotal() {
        assertThat(M.accuracy()).isEqualTo(6.0 / 10);
    }

    @Test
    void precision_eachAveraging_matchesHandArithmetic() {
        assertThat(M.precision(Averaging.MACRO)).isCloseTo((3.0 / 5 + 2.0 / 3 + 1.0 / 2) / 3, within(TOLERANCE));
        assertThat(M.precision(Averaging.MICRO)).isEqualTo(6.0 / 10);
        assertThat(M.precision(Averaging.WEIGHTED))
                .isCloseTo((4 * (3.0 / 5) + 3 * (2.0 / 3) + 3 * (1.0 / 2)) / 10, within(TOLERANCE));
    }

    @Test
    void recall_eachAveraging_matchesHandArithmetic() {
        assertThat(M.recall(Averaging.MACRO)).isCloseTo((3.0 / 4 + 2.0 / 3 + 1.0 / 3) / 3, within(TOLERANCE));
        assertThat(M.recall(Averaging.MICRO)).isEqualTo(6.0 / 10);
        assertThat(M.recall(Averaging.WEIGHTED)).as("weighted recall is the accuracy")
                .isCloseTo((4 * (3.0 / 4) + 3 * (2.0 / 3) + 3 * (1.0 / 3)) / 10, within(TOLERANCE))
                .isCloseTo(6.0 / 10, within(TOLERANCE));
    }

    @Test
    void f1_eachAveraging_averagesPerClassF1() {
        // per class 2tp / (2tp + fp + fn): 6/9, 4/6, 2/5
        assertThat(M.f1(Averaging.MACRO)).isCloseTo((6.0 / 9 + 4.0 / 6 + 2.0 / 5) / 3, within(TOLERANCE));
        assertThat(M.f1(Averaging.MICRO)).isEqualTo(6.0 / 10);
        assertThat(M.f1(Averaging.WEIGHTED))
                .isCloseTo((4 * (6.0 / 9) + 3 * (4.0 / 6) + 3 * (2.0 / 5)) / 10, within(TOLERANCE));
    }

    @Test
    void specificity_eachAveraging_matchesHandArithmetic() {
        assertThat(M.specificity(Averaging.MACRO)).isCloseTo((4.0 / 6 + 6.0 / 7 + 6.0 / 7) / 3, within(TOLERANCE));
        assertThat(M.specificity(Averaging.MICRO)).isEqualTo(16.0 / 20);
        assertThat(M.specificity(Averaging.WEIGHTED))
                .isCloseTo((4 * (4.0 / 6) + 3 * (6.0 / 7) + 3 * (6.0 / 7)) / 10, within(TOLERANCE));
    }

    @Test
    void fBeta_macro_averagesPerClassFBeta() {
        // beta = 2: 5tp / (5tp + 4fn + fp) = 15/21, 10/15, 5/14
        assertThat(M.fBeta(2, Averaging.MACRO)).isCloseTo((15.0 / 21 + 10.0 / 15 + 5.0 / 14) / 3, within(TOLERANCE));
    }

    @Test
    void average_customMetric_usesOneVsRestCounts() {
        // one-vs-rest accuracy (tp + tn) / 10 per class: 7/10, 8/10, 7/10
        assertThat(Averaging.MACRO.average(M, BinaryCounts::accuracy))
                .isCloseTo((7.0 / 10 + 8.0 / 10 + 7.0 / 10) / 3, within(TOLERANCE));
    }

    @Test
    void macro_classWithoutSamplesOrPredictions_countsAsZero() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 1}, 3);

        assertThat(m.counts(2)).isEqualTo(new BinaryCounts(0, 0, 0, 2));
        assertThat(m.precision(Averaging.MACRO)).isEqualTo((1.0 + 1.0 + 0.0) / 3);
        assertThat(m.precision(Averaging.WEIGHTED)).isEqualTo(1.0);
        assertThat(m.precision(Averaging.MICRO)).isEqualTo(1.0);
    }

    @Test
    void ratios_emptyMatrix_allZero() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[0], new int[0], 4);

        assertThat(m.accuracy()).isEqualTo(0.0);
        for (Averaging a : Averaging.values()) {
            assertThat(new double[] {m.precision(a), m.recall(a), m.specificity(a), m.f1(a), m.fBeta(0.5, a)})
                    .as("%s", a).containsOnly(0.0);
        }
    }

    @Test
    void ofBinary_workshopExample_isTwoByTwoWithPositiveClassOne() {
        ConfusionMatrix m = ConfusionMatrix.ofBinary(bits(1, 0, 1, 1, 0, 1, 0), bits(1, 0, 0, 0, 1, 0, 1));

        assertThat(m.toArray()).isEqualTo(new long[][] {{1, 2}, {3, 1}});
        assertThat(m.counts(1)).isEqualTo(new BinaryCounts(1, 2, 3, 1));
        assertThat(m.counts(0)).isEqualTo(new BinaryCounts(1, 3, 2, 1));
        assertThat(m.accuracy()).isEqualTo(2.0 / 7);
    }

    @Test
    void of_lengthsDiffer_throws() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truth and predicted must have the same length, got 3 and 2");
    }

    @Test
    void of_labelOutOfRange_throwsNamingArrayAndIndex() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1, 2}, new int[] {0, 1, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truth[2] = 2 is not a class label in [0, 2)");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {-1, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("predicted[0] = -1 is not a class label in [0, 2)");
    }

    @Test
    void of_noClasses_throws() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[0], new int[0], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number of classes must be at least 1, got 0");
    }

    @Test
    void ofCounts_validArray_equalsMatrixFromLabels() {
        assertThat(ConfusionMatrix.ofCounts(new long[][] {{3, 1, 0}, {0, 2, 1}, {2, 0, 1}})).isEqualTo(M)
                .hasSameHashCodeAs(M);
    }

    @Test
    void ofCounts_negativeCount_throws() {
        assertThatThrownBy(() -> ConfusionMatrix.ofCounts(new long[][] {{1, 0}, {-2, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts must not be negative, got counts[1][0] = -2");
    }

    @Test
    void ofCounts_notSquare_throws() {
        assertThatThrownBy(() -> ConfusionMatrix.ofCounts(new long[][] {{1, 0}, {2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts must be a square 2x2 array, row 1 has 1 entries");
    }

    @Test
    void ofCounts_sumOverflowsLong_throws() {
        assertThatThrownBy(() -> ConfusionMatrix.ofCounts(new long[][] {{Long.MAX_VALUE, 1}, {0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must sum to at most");
    }

    @Test
    void toArray_modified_matrixUnchanged() {
        long[][] cells = M.toArray();
        cells[0][0] = 99;

        assertThat(M.count(0, 0)).isEqualTo(3);
    }

    @Test
    void count_classOutOfRange_throws() {
        assertThatThrownBy(() -> M.count(0, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("class 3 is not in [0, 3)");
    }

    @Test
    void plus_differentClassCounts_throws() {
        ConfusionMatrix two = ConfusionMatrix.of(new int[0], new int[0], 2);

        assertThatThrownBy(() -> M.plus(two)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot add a 2-class matrix to a 3-class matrix");
    }

    @Test
    void toString_threeClasses_showsRows() {
        assertThat(M).hasToString("ConfusionMatrix[[3, 1, 0], [0, 2, 1], [2, 0, 1]]");
    }
}
