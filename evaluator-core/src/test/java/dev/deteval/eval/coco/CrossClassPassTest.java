package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.conformance.ConformanceCase;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error breakdown and the confusion matrix of one shared pass ({@link CrossClassPass}) equal those of
 * {@link ErrorBreakdown#compute(GroundTruth, Detections, CocoParams, double, double, boolean)} and
 * {@link DetectionConfusionMatrix#compute} run on their own, exactly: on every COCO case of the conformance
 * suite (boxes, masks and keypoints) and on random scenes with crowds, ignore flags, tied scores and, in one
 * image, 130 detections of one category, so that the cut at 100 per image and category leaves out
 * detections the matrix needs at low confidences (and none at high ones).
 */
final class CrossClassPassTest {

    private static final double[] CONFIDENCES = {0, 0.3, 0.55, 1, 2};

    static List<ConformanceCase> cases() {
        return ConformanceCase.all().stream().filter(c -> c.kind().equals("coco") && c.status().equals("ok"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compute_conformanceCase_equalsEachOnItsOwn(ConformanceCase c) {
        CocoParams params = c.paramsFile() == null ? CocoParams.defaults()
                : CocoParamsReader.read(c.paramsFile(), CocoMode.COMPAT);
        CocoJsonReader reader = new CocoJsonReader(params.iouType());
        GroundTruth gt = reader.readGroundTruth(c.gt());
        Detections dt = reader.readResults(c.dt(), gt);
        assertSameAsAlone(gt, dt, params, c.name());
    }

    @Test
    void compute_randomScenes_equalsEachOnItsOwn() {
        for (long seed = 0; seed < 12; seed++) {
            Random r = new Random(seed);
            GroundTruth gt = groundTruth(r);
            Detections dt = detections(r, gt);
            for (CocoParams p : List.of(CocoParams.defaults(), CocoParams.builder(CocoMode.CORRECTED).build(),
                    CocoParams.builder(CocoMode.COMPAT).optUseCats(false).build())) {
                assertSameAsAlone(gt, dt, p, "seed " + seed + " " + p.mode() + " useCats " + p.useCats());
            }
        }
    }

    private static void assertSameAsAlone(GroundTruth gt, Detections dt, CocoParams p, String what) {
        for (DetectionConfusionMatrix.Matching matching : DetectionConfusionMatrix.Matching.values()) {
            for (double confidence : CONFIDENCES) {
                for (double iou : new double[] {0.5, 0.3}) {
                    boolean all = confidence == 0;
                    CrossClassPass pass = CrossClassPass.compute(gt, dt, p, all, iou, confidence, matching);
                    String as = what + " " + matching + " confidence " + confidence + " iou " + iou;
                    assertSameMatrix(pass.matrix(), DetectionConfusionMatrix.compute(gt, dt, p, iou, confidence,
                            matching), as);
                    assertSameBreakdown(pass.errors(), ErrorBreakdown.compute(gt, dt, p,
                            ErrorBreakdown.DEFAULT_FOREGROUND, ErrorBreakdown.DEFAULT_BACKGROUND, all), as);
                }
            }
        }
    }

    /** What a test checks on one random scene, parameter set and matching; {@code as} names them. */
    private interface SceneCheck {
        void check(GroundTruth gt, Detections dt, CocoParams p, DetectionConfusionMatrix.Matching matching, String as);
    }

    /** Runs {@code check} on six random scenes, with and without categories, for each matching. */
    private static void forEachScene(SceneCheck check) {
        for (long seed = 0; seed < 6; seed++) {
            Random r = new Random(seed);
            GroundTruth gt = groundTruth(r);
            Detections dt = detections(r, gt);
            for (CocoParams p : List.of(CocoParams.defaults(), CocoParams.builder(CocoMode.COMPAT).optUseCats(false)
                    .build())) {
                for (DetectionConfusionMatrix.Matching matching : DetectionConfusionMatrix.Matching.values()) {
                    check.check(gt, dt, p, matching, "seed " + seed + " useCats " + p.useCats() + " " + matching);
                }
            }
        }
    }

    @Test
    void matrix_onePassManyConfidences_equalsComputeAtEach() {
        forEachScene((gt, dt, p, matching, as) -> {
            CrossClassPass pass = CrossClassPass.compute(gt, dt, p, false, 0.5, matching);
            for (double confidence : CONFIDENCES) {
                assertSameMatrix(pass.matrix(confidence), DetectionConfusionMatrix.compute(gt, dt, p, 0.5,
                        confidence, matching), as + " confidence " + confidence);
            }
        });
    }

    @Test
    void compute_onTheCallingThreadAlone_equalsTheSplitPass() {
        forEachScene((gt, dt, p, matching, as) -> {
            CrossClassPass alone = CrossClassPass.compute(gt, dt, p, true, 0.5, matching, false);
            CrossClassPass split = CrossClassPass.compute(gt, dt, p, true, 0.5, matching, true);
            assertSameBreakdown(alone.errors(), split.errors(), as);
            for (double confidence : CONFIDENCES) {
                assertSameMatrix(alone.matrix(confidence), split.matrix(confidence), as + " " + confidence);
            }
            assertSameBreakdown(ErrorBreakdown.compute(gt, dt, p, ErrorBreakdown.DEFAULT_FOREGROUND,
                    ErrorBreakdown.DEFAULT_BACKGROUND, true, false), split.errors(), as);
        });
    }

    @Test
    void compute_threadInterrupted_stopsWithCancellationAndKeepsTheInterrupt() {
        Random r = new Random(1);
        GroundTruth gt = groundTruth(r);
        Detections dt = detections(r, gt);
        CocoParams p = CocoParams.defaults();
        DetectionConfusionMatrix.Matching aware = DetectionConfusionMatrix.Matching.CLASS_AWARE;
        List<Runnable> passes = List.of(
                () -> CrossClassPass.compute(gt, dt, p, false, 0.5, aware, false),
                () -> ErrorBreakdown.compute(gt, dt, p, 0.5, 0.1, false, false),
                () -> DetectionConfusionMatrix.compute(gt, dt, p, 0.5, 0.0, aware));
        try {
            for (Runnable pass : passes) {
                Thread.currentThread().interrupt();

                assertThatThrownBy(pass::run).isInstanceOf(CancellationException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            }
        } finally {
            Thread.interrupted();
        }
        // not interrupted: the same calls run to their end
        passes.forEach(Runnable::run);
    }

    @Test
    void matrix_passWithoutConfidence_throwsIllegalState() {
        Random r = new Random(1);
        GroundTruth gt = groundTruth(r);
        CrossClassPass pass = CrossClassPass.compute(gt, detections(r, gt), CocoParams.defaults(), false, 0.5,
                DetectionConfusionMatrix.Matching.CLASS_AWARE);
        assertThatThrownBy(pass::matrix).isInstanceOf(IllegalStateException.class);
    }

    private static void assertSameMatrix(DetectionConfusionMatrix actual, DetectionConfusionMatrix expected,
            String as) {
        assertThat(actual.categoryIds()).as(as).isEqualTo(expected.categoryIds());
        assertThat(actual.categoryNames()).as(as).isEqualTo(expected.categoryNames());
        assertThat(actual.counts()).as(as).isDeepEqualTo(expected.counts());
        assertThat(List.of(actual.iou(), actual.confidence(), actual.matching()))
                .as(as).isEqualTo(List.of(expected.iou(), expected.confidence(), expected.matching()));
    }

    private static void assertSameBreakdown(ErrorBreakdown actual, ErrorBreakdown expected, String as) {
        assertThat(actual.categoryIds()).as(as).isEqualTo(expected.categoryIds());
        assertThat(actual.categoryNames()).as(as).isEqualTo(expected.categoryNames());
        assertThat(actual.falsePositives()).as(as).isEqualTo(expected.falsePositives());
        assertThat(actual.falseNegatives()).as(as).isEqualTo(expected.falseNegatives());
        assertThat(actual.baseAp()).as(as).isEqualTo(expected.baseAp());
        assertThat(actual.iouThresholds()).as(as).isEqualTo(expected.iouThresholds());
        assertThat(Double.doubleToLongBits(actual.baseApAllThresholds()))
                .as(as).isEqualTo(Double.doubleToLongBits(expected.baseApAllThresholds()));
        for (ErrorType t : ErrorType.values()) {
            assertThat(actual.count(t)).as(as + " " + t).isEqualTo(expected.count(t));
            assertThat(actual.deltaAp(t)).as(as + " " + t).isEqualTo(expected.deltaAp(t));
            assertThat(Double.doubleToLongBits(actual.deltaApAllThresholds(t)))
                    .as(as + " " + t).isEqualTo(Double.doubleToLongBits(expected.deltaApAllThresholds(t)));
            for (int k = 0; k < expected.categoryIds().length; k++) {
                assertThat(actual.count(t, k)).as(as + " " + t + " " + k).isEqualTo(expected.count(t, k));
            }
        }
    }

    /** Ten images, three categories; one in eight ground truths crowd, one in eight marked ignore. */
    private static GroundTruth groundTruth(Random r) {
        GroundTruth.Builder g = GroundTruth.builder().addCategory(1, "a").addCategory(2, "b").addCategory(3, "c");
        long id = 1;
        for (int image = 1; image <= 10; image++) {
            g.addImage(image, 200, 200, "img" + image + ".jpg");
            for (int o = r.nextInt(7); o > 0; o--) {
                double w = 3 + r.nextInt(60);
                double h = 3 + r.nextInt(60);
                g.addAnnotation(id++, image, 1 + r.nextInt(3), r.nextInt(150), r.nextInt(150), w, h, w * h,
                        r.nextInt(8) == 0, r.nextInt(8) == 0);
            }
        }
        return g.build();
    }

    /**
     * Zero to three detections near each ground truth (one in four of another class), a few stray boxes, and
     * in image 4 130 boxes of category 2; scores on a grid of 0.05, so ties occur.
     */
    private static Detections detections(Random r, GroundTruth gt) {
        List<double[]> rows = new ArrayList<>();
        double[] boxes = gt.boxColumn();
        long[] images = gt.imageIdColumn();
        long[] categories = gt.categoryIdColumn();
        for (int a = 0; a < gt.annotationCount(); a++) {
            for (int c = r.nextInt(4); c > 0; c--) {
                long cat = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : categories[a];
                rows.add(new double[] {images[a], cat, boxes[4 * a] + r.nextInt(9) - 4,
                        boxes[4 * a + 1] + r.nextInt(9) - 4, Math.max(1, boxes[4 * a + 2] + r.nextInt(7) - 3),
                        boxes[4 * a + 3], r.nextInt(21) / 20.0});
            }
        }
        for (int image = 1; image <= 10; image++) {
            int extra = image == 4 ? 130 : r.nextInt(4);
            for (int f = 0; f < extra; f++) {
                rows.add(new double[] {image, image == 4 ? 2 : 1 + r.nextInt(3), r.nextInt(180), r.nextInt(180),
                        5 + r.nextInt(40), 5 + r.nextInt(40), r.nextInt(21) / 20.0});
            }
        }
        rows.sort((x, y) -> Double.compare(x[0], y[0]));
        Detections.Builder d = Detections.builder();
        for (double[] v : rows) {
            d.add((long) v[0], (long) v[1], v[2], v[3], v[4], v[5], v[6]);
        }
        return d.build();
    }

    @Test
    void compute_imageWithMoreThanHundredAboveConfidence_stillCountsEveryDetection() {
        // one image, one ground truth of category 1 and 120 equal boxes of category 1 on it, all at 0.9:
        // the matrix takes all 120 (1 hit, 119 on background) though the error pass keeps 100 of them
        GroundTruth gt = GroundTruth.builder().addCategory(1, "a").addCategory(2, "b").addImage(1)
                .addAnnotation(1, 1, 1, 0, 0, 10, 10, 100, false, false).build();
        Detections.Builder d = Detections.builder();
        for (int i = 0; i < 120; i++) {
            d.add(1, 1, 0, 0, 10, 10, 0.9);
        }
        CrossClassPass pass = CrossClassPass.compute(gt, d.build(), CocoParams.defaults(), false, 0.5, 0.5,
                DetectionConfusionMatrix.Matching.CLASS_AWARE);
        assertThat(pass.matrix().count(0, 0)).isEqualTo(1);
        assertThat(pass.matrix().count(pass.matrix().background(), 0)).isEqualTo(120 - 1);
        assertThat(Arrays.stream(pass.matrix().counts()).flatMapToLong(Arrays::stream).sum()).isEqualTo(120);
        assertThat(pass.errors().falsePositives()).isEqualTo(100 - 1);
    }
}
