package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.DetectionConfusionMatrix.Matching;
import dev.deteval.eval.data.GroundTruth;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The detection confusion matrix on the hand-built case of {@link AnalysisFixtures} and on random scenes. */
final class DetectionConfusionMatrixTest {

    private static DetectionConfusionMatrix hand(Matching matching) {
        return DetectionConfusionMatrix.compute(AnalysisFixtures.handGroundTruth(), AnalysisFixtures.handDetections(),
                CocoParams.defaults(), 0.5, 0.25, matching);
    }

    @Test
    void compute_classAware_cellsWorkedOutByHand() {
        // rows: true cat, dog, background; columns: predicted cat, dog, background
        // cat: d1-a1 and d7-b1 on the diagonal, a3 missed; dog: a2 taken by cat d2 (second pass), a4 missed
        // (d4 too loose); background: duplicate d3, loose d4, d5, and d6 (its cat b1 already taken by d7)
        assertThat(hand(Matching.CLASS_AWARE).counts()).isEqualTo(new long[][] {
            {2, 0, 1},
            {1, 0, 1},
            {1, 3, 0}});
    }

    @Test
    void compute_classAgnostic_higherScoredWrongClassTakesTheObject() {
        // image 2: dog d6 (0.95) takes cat b1 before cat d7 (0.4), which becomes background
        assertThat(hand(Matching.CLASS_AGNOSTIC).counts()).isEqualTo(new long[][] {
            {1, 1, 1},
            {1, 0, 1},
            {2, 2, 0}});
    }

    @Test
    void rowNormalized_handCase_rowsSumToOne() {
        double[][] n = hand(Matching.CLASS_AWARE).rowNormalized();
        assertThat(n[0]).containsExactly(2.0 / 3, 0.0, 1.0 / 3);
        assertThat(n[2]).containsExactly(0.25, 0.75, 0.0);
    }

    @Test
    void compute_aboveEveryScore_onlyMissesInBackgroundColumn() {
        DetectionConfusionMatrix m = DetectionConfusionMatrix.compute(AnalysisFixtures.handGroundTruth(),
                AnalysisFixtures.handDetections(), CocoParams.defaults(), 0.5, 0.99, Matching.CLASS_AWARE);
        assertThat(m.counts()).isEqualTo(new long[][] {{0, 0, 3}, {0, 0, 2}, {0, 0, 0}});
        assertThat(m.categoryIds()).containsExactly(1, 2);
        assertThat(m.background()).isEqualTo(2);
    }

    @Test
    void compute_crowdOverlap_detectionIgnored() {
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "cat")
                .addAnnotation(1, 1, 1, 0, 0, 50, 50, 2500, true, false).build();
        DetectionConfusionMatrix m = DetectionConfusionMatrix.compute(gt,
                dev.deteval.eval.data.Detections.builder().add(1, 1, 10, 10, 10, 10, 0.9).build(),
                CocoParams.defaults(), 0.5, 0, Matching.CLASS_AWARE);
        assertThat(m.counts()).isEqualTo(new long[][] {{0, 0}, {0, 0}});
    }

    @Test
    void compute_randomScenes_rowSumsEqualGroundTruthCountsAndDiagonalEqualsTruePositives() {
        for (long seed = 0; seed < 40; seed++) {
            AnalysisFixtures.Scene s = AnalysisFixtures.random(seed);
            OperatingPoints points = OperatingPoints.compute(s.gt(), s.dt(), CocoParams.defaults(), 0.5);
            for (double c : new double[] {0, 0.3, 0.7}) {
                OperatingPointTable at = points.at(c);
                long detections = Arrays.stream(s.dt().scoreColumn()).filter(v -> v >= c).count();
                for (Matching matching : Matching.values()) {
                    DetectionConfusionMatrix m = DetectionConfusionMatrix.compute(s.gt(), s.dt(),
                            CocoParams.defaults(), 0.5, c, matching);
                    long[] ids = m.categoryIds();
                    long total = 0;
                    for (int k = 0; k < ids.length; k++) {
                        long id = ids[k];
                        long gts = Arrays.stream(s.gt().categoryIdColumn()).filter(v -> v == id).count();
                        assertThat(m.rowSum(k)).as("seed %d row %d", seed, k).isEqualTo(gts);
                        for (int r = 0; r < m.size(); r++) {
                            total += m.count(r, k);
                        }
                        if (matching == Matching.CLASS_AWARE) {
                            assertThat(m.count(k, k)).isEqualTo(at.perCategory().get(k).tp());
                        }
                    }
                    assertThat(total).isEqualTo(detections);
                    assertThat(m.count(m.background(), m.background())).isZero();
                }
            }
        }
    }
}
