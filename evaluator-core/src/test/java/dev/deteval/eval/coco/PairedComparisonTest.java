package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Paired comparisons on data from {@link DetectionModel}: a file against itself, against a degraded
 * detector on the same images, and against a second run of the same detector (only its random draws
 * differ).
 */
final class PairedComparisonTest {

    private static final DetectionModel.Scene SCENE = DetectionModel.scene(300, 21);
    private static final BootstrapSettings SETTINGS = new BootstrapSettings(0.95, 500, 5);

    private static OutcomeTable evaluate(DetectionModel model, long seed) {
        return OutcomeTable.evaluate(SCENE.groundTruth(), model.detect(SCENE, seed).detections(),
                CocoParams.defaults(), true);
    }

    @Test
    void compare_fileWithItself_zeroDifferenceAndPOne() {
        OutcomeTable a = evaluate(DetectionModel.DEFAULT, 1);
        Comparison c = PairedComparison.compare(a, evaluate(DetectionModel.DEFAULT, 1), SETTINGS);
        assertThat(c.metrics()).extracting(MetricDifference::metric).containsExactly("AP", "AP50", "AP75", "AR100");
        for (MetricDifference m : c.metrics()) {
            assertThat(m.difference()).as(m.metric()).isZero();
            assertThat(m.low()).as(m.metric()).isZero();
            assertThat(m.high()).as(m.metric()).isZero();
            assertThat(m.p()).as(m.metric()).isEqualTo(1.0);
        }
    }

    @Test
    void compare_degradedDetector_significantDrop() {
        // the degraded detector finds 55% of the objects instead of 75%, with twice the box noise
        OutcomeTable degraded = evaluate(new DetectionModel(0.55, 0.16), 1);
        Comparison c = PairedComparison.compare(degraded, evaluate(DetectionModel.DEFAULT, 1), SETTINGS);
        for (MetricDifference m : c.metrics()) {
            assertThat(m.difference()).as(m.metric()).isNegative();
            assertThat(m.high()).as(m.metric()).isNegative();
            assertThat(m.significant(0.05)).as("%s p=%s", m.metric(), m.p()).isTrue();
        }
    }

    @Test
    void compare_sameDetectorOtherRandomDraws_noSignificantChange() {
        Comparison c = PairedComparison.compare(evaluate(DetectionModel.DEFAULT, 2), evaluate(DetectionModel.DEFAULT, 1),
                SETTINGS);
        for (MetricDifference m : c.metrics()) {
            assertThat(m.low()).as(m.metric()).isNegative();
            assertThat(m.high()).as(m.metric()).isPositive();
            assertThat(m.significant(0.05)).as("%s p=%s", m.metric(), m.p()).isFalse();
        }
    }

    @Test
    void compare_differentImages_rejected() {
        DetectionModel.Scene other = DetectionModel.scene(200, 22);
        OutcomeTable small = OutcomeTable.evaluate(other.groundTruth(),
                DetectionModel.DEFAULT.detect(other, 1).detections(), CocoParams.defaults(), true);
        assertThatThrownBy(() -> PairedComparison.compare(small, evaluate(DetectionModel.DEFAULT, 1), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same ground truth");
    }

    @Test
    void pValue_allDifferencesPositive_smallestPossible() {
        // 1 + 0 resamples at or below 0, twice, over 99 + 1
        assertThat(Percentiles.pValue(new double[99])).isEqualTo(1.0);
        double[] positive = new double[99];
        java.util.Arrays.fill(positive, 0.01);
        assertThat(Percentiles.pValue(positive)).isEqualTo(2.0 * 1 / 100);
    }
}
