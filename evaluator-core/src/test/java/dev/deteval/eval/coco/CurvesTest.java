package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Curves on the hand-built case of {@link AnalysisFixtures} and on random scenes. */
final class CurvesTest {

    private static Curves hand() {
        CocoParams p = CocoParams.defaults();
        return Curves.of(CocoEvaluator.evaluate(AnalysisFixtures.handGroundTruth(), AnalysisFixtures.handDetections(), p),
                OperatingPoints.compute(AnalysisFixtures.handGroundTruth(), AnalysisFixtures.handDetections(), p, 0.5));
    }

    @Test
    void precision_handCaseCatAtIou50_stepsWorkedOutByHand() {
        // cat at IoU 0.5: d1 hit, d2 and d3 not, d7 hit, 3 objects: precision 1 to recall 1/3, 1/2 to 2/3, then 0
        double[] cat = hand().precision(0, 0);
        double[] rec = hand().recallThresholds();
        for (int r = 0; r < rec.length; r++) {
            double expected = rec[r] <= 1.0 / 3 ? 1.0 : rec[r] <= 2.0 / 3 ? 0.5 : 0.0;
            assertThat(cat[r]).as("recall %s", rec[r]).isCloseTo(expected, within(1e-12)); // COCO adds eps to tp + fp
        }
        assertThat(hand().categoryNames()).containsExactly("cat", "dog");
    }

    @Test
    void rawPerCategory_handCaseCat_onePointPerScore() {
        PrCurve cat = hand().rawPerCategory().get(0);
        // scores 0.9 (hit), 0.8, 0.7 (misses), 0.4 (hit) of 3 objects
        assertThat(cat.score()).containsExactly(0.9, 0.8, 0.7, 0.4);
        assertThat(cat.precision()).containsExactly(1.0, 1.0 / 2, 1.0 / 3, 2.0 / 4);
        assertThat(cat.recall()).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3, 2.0 / 3);
    }

    @Test
    void overall_handCaseAtQuarter_equalsOperatingPoint() {
        Curves c = hand();
        ConfidenceCurve all = c.overall();
        assertThat(all.confidence()).hasSize(Curves.CONFIDENCE_STEPS + 1);
        assertThat(all.confidence()[25]).isEqualTo(0.25);
        // 2 hits, 5 false positives, 3 misses at 0.25: precision 2/7, recall 2/5, F1 1/3
        assertThat(all.precision()[25]).isEqualTo(2.0 / 7);
        assertThat(all.recall()[25]).isEqualTo(2.0 / 5);
        assertThat(all.f1()[25]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(c.confidenceIou()).isEqualTo(0.5);
    }

    @Test
    void meanPrecision_randomScenes_meanOverRecallIsApAtThatThreshold() {
        for (long seed = 0; seed < 20; seed++) {
            AnalysisFixtures.Scene s = AnalysisFixtures.random(seed);
            CocoParams p = CocoParams.defaults();
            CocoResult result = CocoEvaluator.evaluate(s.gt(), s.dt(), p);
            OperatingPoints points = OperatingPoints.compute(s.gt(), s.dt(), p, 0.5);
            Curves c = Curves.of(result, points);
            double[] mean = c.meanPrecision(0);
            if (mean[0] > -1) {
                assertThat(Arrays.stream(mean).average().orElseThrow()).as("seed %d", seed)
                        .isCloseTo(result.summary().ap50(), within(1e-12));
            }
            // F1 on the grid never beats the best F1 over every threshold
            double gridBest = Arrays.stream(c.overall().f1()).max().orElseThrow();
            assertThat(gridBest).isLessThanOrEqualTo(points.bestF1().overall().f1() + 1e-15);
            // recall never falls as the raw curve goes down in score
            double[] recall = c.rawOverall().recall();
            for (int i = 1; i < recall.length; i++) {
                assertThat(recall[i]).isGreaterThanOrEqualTo(recall[i - 1]);
            }
        }
    }
}
