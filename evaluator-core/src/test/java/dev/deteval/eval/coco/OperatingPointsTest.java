package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operating points on the hand-built case of {@link AnalysisFixtures} and on random scenes. */
final class OperatingPointsTest {

    private static OperatingPoints hand(double iou) {
        return OperatingPoints.compute(AnalysisFixtures.handGroundTruth(), AnalysisFixtures.handDetections(),
                CocoParams.defaults(), iou);
    }

    @Test
    void at_handCase_countsWorkedOutByHand() {
        OperatingPointTable t = hand(0.5).at(0.25);
        // cat: d1 and d7 match, d2 (mixed up) and d3 (duplicate) do not; a3 missed. 3 cat ground truths
        OperatingPoint cat = t.perCategory().get(0);
        assertThat(List.of(cat.tp(), cat.fp(), cat.fn())).containsExactly(2, 2, 1);
        assertThat(cat.precision()).isEqualTo(0.5);
        assertThat(cat.recall()).isEqualTo(2.0 / 3);
        assertThat(cat.f1()).isCloseTo(4.0 / 7, within(1e-12));
        // dog: d4 is loose (IoU 0.4), d5 background, d6 on a cat
        OperatingPoint dog = t.perCategory().get(1);
        assertThat(List.of(dog.tp(), dog.fp(), dog.fn())).containsExactly(0, 3, 2);
        assertThat(dog.f1()).isZero();
        // pooled: 2 tp, 5 fp, 3 fn
        assertThat(List.of(t.overall().tp(), t.overall().fp(), t.overall().fn())).containsExactly(2, 5, 3);
        assertThat(t.overall().f1()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(t.iou()).isEqualTo(0.5);
    }

    @Test
    void at_looserIou_looseBoxBecomesTruePositive() {
        OperatingPoint dog = hand(0.3).at(0.25).perCategory().get(1);
        assertThat(List.of(dog.tp(), dog.fp(), dog.fn())).containsExactly(1, 2, 1);
    }

    @Test
    void at_aboveEveryScore_noDetectionPrecisionZero() {
        OperatingPoint all = hand(0.5).at(0.99).overall();
        assertThat(List.of(all.tp(), all.fp(), all.fn())).containsExactly(0, 0, 5);
        assertThat(all.precision()).isZero();
        assertThat(all.f1()).isZero();
    }

    @Test
    void bestF1_handCase_thresholdsWorkedOutByHand() {
        OperatingPointTable best = hand(0.5).bestF1();
        // cat: F1 0.5, 0.4, 1/3, 4/7 at 0.9, 0.8, 0.7, 0.4
        assertThat(best.perCategory().get(0).confidence()).isEqualTo(0.4);
        assertThat(best.perCategory().get(0).f1()).isCloseTo(4.0 / 7, within(1e-12));
        // dog: 0 everywhere, the tie goes to the highest confidence
        assertThat(best.perCategory().get(1).confidence()).isEqualTo(0.95);
        // pooled: 0, 2/7, 1/4, 2/9, 1/5, 2/11, 1/3 at 0.95 … 0.4
        assertThat(best.overall().confidence()).isEqualTo(0.4);
        assertThat(best.overall().f1()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void bestF1_noDetections_confidenceZero() {
        OperatingPoints points = OperatingPoints.compute(AnalysisFixtures.handGroundTruth(), Detections.empty(),
                CocoParams.defaults(), 0.5);
        assertThat(points.bestF1().overall()).isEqualTo(new OperatingPoint(-1, "", 0.0, 0, 0, 5));
    }

    @Test
    void at_detectionOnCrowdRegion_ignoredNotCounted() {
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "cat")
                .addAnnotation(1, 1, 1, 0, 0, 50, 50, 2500, true, false)
                .addAnnotation(2, 1, 1, 100, 100, 10, 10, 100, false, false).build();
        Detections dt = Detections.builder().add(1, 1, 10, 10, 10, 10, 0.9).add(1, 1, 100, 100, 10, 10, 0.8)
                .add(1, 1, 200, 200, 10, 10, 0.7).build();
        OperatingPoint all = OperatingPoints.compute(gt, dt, CocoParams.defaults(), 0.5).at(0).overall();
        // the crowd region is no ground truth to find, and the detection inside it neither tp nor fp
        assertThat(List.of(all.tp(), all.fp(), all.fn())).containsExactly(1, 1, 0);
    }

    @Test
    void at_pooledCategories_oneRowWithIdMinusOne() {
        CocoParams pooled = CocoParams.builder(CocoMode.COMPAT).optUseCats(false).build();
        OperatingPointTable t = OperatingPoints.compute(AnalysisFixtures.handGroundTruth(),
                AnalysisFixtures.handDetections(), pooled, 0.5).at(0.25);
        // without categories the mixed-up d2 and d6 now match their objects: d1, d2, d6 match; d7 duplicates d6
        assertThat(t.perCategory()).hasSize(1);
        assertThat(t.perCategory().get(0).categoryId()).isEqualTo(-1);
        assertThat(List.of(t.overall().tp(), t.overall().fp(), t.overall().fn())).containsExactly(3, 4, 2);
    }

    @Test
    void compute_iouOutsideUnitInterval_rejected() {
        assertThatThrownBy(() -> hand(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bestF1_randomScenes_equalsBruteForceScan() {
        for (long seed = 0; seed < 40; seed++) {
            AnalysisFixtures.Scene s = AnalysisFixtures.random(seed);
            OperatingPoints points = OperatingPoints.compute(s.gt(), s.dt(), CocoParams.defaults(), 0.5);
            double[] thresholds = thresholds(s.dt());
            OperatingPointTable best = points.bestF1();
            assertThat(best.overall()).isEqualTo(bruteForce(thresholds, c -> points.at(c).overall()));
            for (int k = 0; k < best.perCategory().size(); k++) {
                int row = k;
                OperatingPoint expected = bruteForce(thresholds, c -> points.at(c).perCategory().get(row));
                if (expected.tp() + expected.fp() > 0) {
                    assertThat(best.perCategory().get(k).f1()).as("seed %d row %d", seed, k)
                            .isEqualTo(expected.f1());
                    assertThat(best.perCategory().get(k).tp()).isEqualTo(expected.tp());
                    assertThat(best.perCategory().get(k).fp()).isEqualTo(expected.fp());
                }
            }
        }
    }

    @Test
    void at_randomScenes_tpPlusFpEqualsDetectionsAboveConfidence() {
        for (long seed = 0; seed < 40; seed++) {
            AnalysisFixtures.Scene s = AnalysisFixtures.random(seed);
            OperatingPoints points = OperatingPoints.compute(s.gt(), s.dt(), CocoParams.defaults(), 0.5);
            for (double c : new double[] {0, 0.25, 0.5, 0.75}) {
                OperatingPoint all = points.at(c).overall();
                long counted = Arrays.stream(s.dt().scoreColumn()).filter(v -> v >= c).count();
                assertThat(all.tp() + all.fp()).isEqualTo((int) counted);
                assertThat(all.tp() + all.fn()).isEqualTo(s.gt().annotationCount());
            }
        }
    }

    @Test
    void at_pooledRowAtEveryScore_sumOfTheCategoriesRows() {
        // 60 images, 3 categories, 12 detections of each per image (2,160 in all: both halves of the pooled
        // sort take the radix path), scores from a small set with ties across categories, 0.0 and -0.0 included
        double[] scores = {0.9, 0.5, 0.25, 0.0, -0.0, 0.5};
        GroundTruth.Builder g = GroundTruth.builder().addCategory(1, "a").addCategory(2, "b").addCategory(3, "c");
        Detections.Builder d = Detections.builder();
        java.util.Random r = new java.util.Random(5);
        long ann = 1;
        for (int image = 1; image <= 60; image++) {
            g.addImage(image);
            for (int c = 1; c <= 3; c++) {
                for (int o = 0; o < 2; o++) {
                    g.addAnnotation(ann++, image, c, 40 * o + 3 * c, 10, 20, 20, 400, false, false);
                }
                for (int j = 0; j < 12; j++) {
                    d.add(image, c, 40 * (j % 2) + 3 * c + r.nextInt(9) - 4, 10 + r.nextInt(9) - 4, 20, 20,
                            scores[r.nextInt(scores.length)]);
                }
            }
        }
        GroundTruth gt = g.build();
        OperatingPoints points = OperatingPoints.compute(gt, d.build(), CocoParams.defaults(), 0.5);
        for (double c : new double[] {1.0, 0.9, 0.5, 0.25, 0.0, -0.0, -1.0}) {
            OperatingPointTable table = points.at(c);
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (OperatingPoint row : table.perCategory()) {
                tp += row.tp();
                fp += row.fp();
                fn += row.fn();
            }
            assertThat(table.overall().tp()).as("confidence %s", c).isEqualTo(tp);
            assertThat(table.overall().fp()).as("confidence %s", c).isEqualTo(fp);
            assertThat(table.overall().fn()).as("confidence %s", c).isEqualTo(fn);
        }
        assertThat(points.at(-1.0).overall().tp() + points.at(-1.0).overall().fp()).isEqualTo(60 * 3 * 12);
    }

    /** Every distinct score plus 0 and one above all, ascending. */
    private static double[] thresholds(Detections dt) {
        double[] scores = Arrays.stream(dt.scoreColumn()).distinct().sorted().toArray();
        double[] all = Arrays.copyOf(scores, scores.length + 2);
        all[scores.length] = 0.0;
        all[scores.length + 1] = 2.0;
        return Arrays.stream(all).distinct().sorted().toArray();
    }

    /** The highest F1 over all thresholds, ties to the higher threshold, among thresholds with detections. */
    private static OperatingPoint bruteForce(double[] thresholds, java.util.function.DoubleFunction<OperatingPoint> at) {
        OperatingPoint best = null;
        for (double c : thresholds) {
            OperatingPoint p = at.apply(c);
            if (p.tp() + p.fp() == 0) {
                continue;
            }
            if (best == null || p.f1() >= best.f1()) {
                best = p;
            }
        }
        return best == null ? at.apply(0.0) : best;
    }
}
