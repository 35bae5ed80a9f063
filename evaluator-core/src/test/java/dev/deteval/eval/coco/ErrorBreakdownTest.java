package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The error breakdown on the hand-built case of {@link AnalysisFixtures} (worked out below) and invariants
 * on random scenes with crowd regions and more than 100 detections per image and category.
 *
 * <p>Hand case at foreground 0.5, background 0.1. Image 1: d1 hits a1. d2 (cat on dog a2, IoU 1): class
 * error, a2 untaken, so fixing it makes d2 a dog hit. d3 (cat on a1, taken by d1): duplicate. d4 (dog on a4,
 * IoU 0.4): localisation error, a4 untaken: fixed, a dog hit. d5: background. a3: missed. Image 2: d6 (dog on
 * cat b1, IoU 1) is a class error, but d7 takes b1, so fixing it removes d6. Five false positives: Cls 2, Loc 1,
 * Dupe 1, Bkg 1; one miss; three false negatives (a2, a3, a4).
 *
 * <p>AP50 by hand (101 recall thresholds, {@code pts(r)} = how many are at most r: 34 for 1/3, 67 for 2/3):
 * cat d1 hit, d2 miss, d3 miss, d7 hit of 3 positives: precision 1 up to recall 1/3, 1/2 up to 2/3:
 * (34 + (67 - 34) / 2) / 101. Dog: three false positives, 0. Base = their mean.
 */
final class ErrorBreakdownTest {

    private static final CocoParams DEFAULTS = CocoParams.defaults();

    private static ErrorBreakdown hand() {
        return ErrorBreakdown.compute(AnalysisFixtures.handGroundTruth(), AnalysisFixtures.handDetections(), DEFAULTS);
    }

    /** How many of COCO's recall thresholds are at most {@code recall}. */
    private static int pts(double recall) {
        return (int) Arrays.stream(DEFAULTS.recThrs()).filter(r -> r <= recall).count();
    }

    @Test
    void count_handCase_eachTypeWorkedOutByHand() {
        ErrorBreakdown e = hand();
        assertThat(List.of(e.count(ErrorType.CLASSIFICATION), e.count(ErrorType.LOCALIZATION), e.count(ErrorType.BOTH),
                e.count(ErrorType.DUPLICATE), e.count(ErrorType.BACKGROUND), e.count(ErrorType.MISSED)))
                .containsExactly(2, 1, 0, 1, 1, 1);
        assertThat(e.falsePositives()).isEqualTo(5);
        assertThat(e.falseNegatives()).isEqualTo(3);
        // per category: cat has d2 (Cls) and d3 (Dupe) and the miss a3; dog d6 (Cls), d4 (Loc), d5 (Bkg)
        assertThat(List.of(e.count(ErrorType.CLASSIFICATION, 0), e.count(ErrorType.DUPLICATE, 0),
                e.count(ErrorType.MISSED, 0))).containsExactly(1, 1, 1);
        assertThat(List.of(e.count(ErrorType.CLASSIFICATION, 1), e.count(ErrorType.LOCALIZATION, 1),
                e.count(ErrorType.BACKGROUND, 1))).containsExactly(1, 1, 1);
        assertThat(e.categoryNames()).containsExactly("cat", "dog");
    }

    @Test
    void deltaAp_handCase_eachFixWorkedOutByHand() {
        ErrorBreakdown e = hand();
        double cat = (34 + (67 - 34) / 2.0) / 101;
        assertThat(pts(1.0 / 3)).isEqualTo(34);
        assertThat(pts(2.0 / 3)).isEqualTo(67);
        assertThat(e.baseAp()).isCloseTo(cat / 2, within(1e-12));
        // Cls: cat d1 hit, d3 miss, d7 hit: 1 up to 1/3, 2/3 up to 2/3; dog: d2 (0.8) hit of 2 positives, d4, d5
        double clsCat = (34 + (67 - 34) * 2.0 / 3) / 101;
        double clsDog = pts(0.5) / 101.0;
        assertThat(e.deltaAp(ErrorType.CLASSIFICATION)).isCloseTo((clsCat + clsDog) / 2 - cat / 2, within(1e-12));
        // Loc: dog d6 miss, d4 hit (precision 1/2 up to recall 1/2), d5 miss
        assertThat(e.deltaAp(ErrorType.LOCALIZATION)).isCloseTo((cat + pts(0.5) * 0.5 / 101) / 2 - cat / 2,
                within(1e-12));
        // Dupe: d3 removed, cat as in the Cls fix; dog unchanged
        assertThat(e.deltaAp(ErrorType.DUPLICATE)).isCloseTo(clsCat / 2 - cat / 2, within(1e-12));
        // Bkg: d5 removed, dog still has no hit; Both: none
        assertThat(e.deltaAp(ErrorType.BACKGROUND)).isZero();
        assertThat(e.deltaAp(ErrorType.BOTH)).isZero();
        // Miss: a3 leaves, 2 cat positives: d1 recall 1/2 precision 1, d7 recall 1 precision 1/2
        double missCat = (pts(0.5) + (101 - pts(0.5)) * 0.5) / 101;
        assertThat(e.deltaAp(ErrorType.MISSED)).isCloseTo(missCat / 2 - cat / 2, within(1e-12));
    }

    @Test
    void compute_looseBoxBelowBackground_isBackground() {
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "cat")
                .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false).build();
        // 10 x 10 box shifted by 9: IoU 10 / 190 < 0.1; shifted by 8: IoU 20 / 180 > 0.1
        Detections far = Detections.builder().add(1, 1, 9, 0, 10, 10, 0.9).build();
        Detections near = Detections.builder().add(1, 1, 8, 0, 10, 10, 0.9).build();
        assertThat(ErrorBreakdown.compute(gt, far, DEFAULTS).count(ErrorType.BACKGROUND)).isEqualTo(1);
        ErrorBreakdown loose = ErrorBreakdown.compute(gt, near, DEFAULTS);
        assertThat(loose.count(ErrorType.LOCALIZATION)).isEqualTo(1);
        // the ground truth under a localisation error is not missed
        assertThat(loose.count(ErrorType.MISSED)).isZero();
        assertThat(loose.falseNegatives()).isEqualTo(1);
    }

    @Test
    void compute_wrongClassLooseBox_isBoth() {
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "cat").addCategory(2, "dog")
                .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false).build();
        // a dog box on the cat, shifted by 5: IoU 50 / 150 = 1/3, between 0.1 and 0.5
        Detections dt = Detections.builder().add(1, 2, 5, 0, 10, 10, 0.9).build();
        ErrorBreakdown e = ErrorBreakdown.compute(gt, dt, DEFAULTS);
        assertThat(e.count(ErrorType.BOTH)).isEqualTo(1);
        assertThat(e.count(ErrorType.MISSED)).isEqualTo(1);
    }

    @Test
    void compute_detectionOnCrowd_isNoError() {
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "cat")
                .addAnnotation(1, 1, 1, 0, 0, 50, 50, 2500, true, false).build();
        Detections dt = Detections.builder().add(1, 1, 10, 10, 10, 10, 0.9).build();
        ErrorBreakdown e = ErrorBreakdown.compute(gt, dt, DEFAULTS);
        assertThat(e.falsePositives()).isZero();
        assertThat(e.baseAp()).isEqualTo(-1.0);
    }

    @Test
    void compute_thresholdsOutOfRange_rejected() {
        GroundTruth gt = AnalysisFixtures.handGroundTruth();
        Detections dt = AnalysisFixtures.handDetections();
        assertThatThrownBy(() -> ErrorBreakdown.compute(gt, dt, DEFAULTS, 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorBreakdown.compute(gt, dt, DEFAULTS, 0.5, 0.6, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compute_foregroundOnly_noAllThresholdValues() {
        ErrorBreakdown e = ErrorBreakdown.compute(AnalysisFixtures.handGroundTruth(), AnalysisFixtures.handDetections(),
                DEFAULTS, 0.5, 0.1, false);
        assertThat(e.hasAllThresholds()).isFalse();
        assertThat(e.deltaApAllThresholds(ErrorType.MISSED)).isNaN();
        assertThat(e.deltaAp(ErrorType.MISSED)).isEqualTo(hand().deltaAp(ErrorType.MISSED));
    }

    @Test
    void compute_randomScenes_baseApEqualsCocoAndCountsAddUp() {
        for (long seed = 0; seed < 30; seed++) {
            for (CocoMode mode : CocoMode.values()) {
                Scene s = scene(seed);
                CocoParams p = CocoParams.builder(mode).build();
                ErrorBreakdown e = ErrorBreakdown.compute(s.gt, s.dt, p);
                CocoSummary coco = CocoEvaluator.evaluate(s.gt, s.dt, p).summary();
                assertThat(e.baseAp()).as("seed %d %s", seed, mode).isCloseTo(coco.ap50(), within(1e-12));
                assertThat(e.baseApAllThresholds()).as("seed %d", seed).isCloseTo(coco.ap(), within(1e-12));
                OperatingPoint all = OperatingPoints.compute(s.gt, s.dt, p, 0.5).at(Double.NEGATIVE_INFINITY)
                        .overall();
                int errors = 0;
                for (ErrorType t : ErrorType.values()) {
                    if (t != ErrorType.MISSED) {
                        errors += e.count(t);
                    }
                    assertThat(e.deltaAp(t)).isGreaterThanOrEqualTo(0);
                    assertThat(e.deltaApAllThresholds(t)).isGreaterThanOrEqualTo(0);
                }
                assertThat(errors).as("seed %d", seed).isEqualTo(all.fp()).isEqualTo(e.falsePositives());
                assertThat(e.falseNegatives()).isEqualTo(all.fn());
                assertThat(e.count(ErrorType.MISSED)).isLessThanOrEqualTo(all.fn());
            }
        }
    }

    @Test
    void deltaAp_onlyHitsAndMisses_fixingMissesGivesApOne() {
        // without false positives every false negative is a miss, and fixing misses leaves only hits: AP 1
        for (long seed = 0; seed < 10; seed++) {
            Random r = new Random(seed);
            GroundTruth.Builder g = GroundTruth.builder().addCategory(1, "a").addCategory(2, "b");
            Detections.Builder d = Detections.builder();
            for (int image = 1; image <= 5; image++) {
                g.addImage(image);
                for (int o = 0; o < 4; o++) {
                    long cat = 1 + r.nextInt(2);
                    g.addAnnotation(image * 10L + o, image, cat, 30 * o, 0, 20, 20, 400, false, false);
                    if (r.nextBoolean()) {
                        d.add(image, cat, 30 * o, 0, 20, 20, r.nextDouble());
                    }
                }
            }
            ErrorBreakdown e = ErrorBreakdown.compute(g.build(), d.build(), CocoParams.defaults());
            assertThat(e.falsePositives()).isZero();
            assertThat(e.count(ErrorType.MISSED)).isEqualTo(e.falseNegatives());
            assertThat(e.baseAp() + e.deltaAp(ErrorType.MISSED)).as("seed %d", seed).isCloseTo(1.0, within(1e-12));
        }
    }

    private record Scene(GroundTruth gt, Detections dt) {
    }

    /** Three categories, crowd regions, an ignore flag, and one image with 120 detections of one category. */
    private static Scene scene(long seed) {
        Random r = new Random(seed);
        GroundTruth.Builder g = GroundTruth.builder().addCategory(1, "a").addCategory(2, "b").addCategory(3, "c");
        Detections.Builder d = Detections.builder();
        long id = 1;
        for (int image = 1; image <= 6; image++) {
            g.addImage(image);
            for (int o = r.nextInt(6); o > 0; o--) {
                double x = r.nextInt(80);
                double y = r.nextInt(80);
                double w = 5 + r.nextInt(30);
                double h = 5 + r.nextInt(30);
                long cat = 1 + r.nextInt(3);
                boolean crowd = r.nextInt(8) == 0;
                g.addAnnotation(id++, image, cat, x, y, w, h, w * h, crowd, r.nextInt(8) == 0);
                for (int c = r.nextInt(4); c > 0; c--) {
                    long dc = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : cat;
                    d.add(image, dc, x + r.nextInt(11) - 5, y + r.nextInt(11) - 5, w + r.nextInt(7) - 3, h,
                            Math.round(r.nextDouble() * 20) / 20.0);
                }
            }
            int extra = image == 1 ? 120 : r.nextInt(4);
            for (int f = 0; f < extra; f++) {
                d.add(image, image == 1 ? 1 : 1 + r.nextInt(3), r.nextInt(90), r.nextInt(90), 5 + r.nextInt(20), 10,
                        r.nextDouble());
            }
        }
        return new Scene(g.build(), d.build());
    }
}
