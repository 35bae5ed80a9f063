package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.NumpyMath;
import org.junit.jupiter.api.Test;

/**
 * The LVIS rules one at a time, on boxes that either coincide (IoU 1 at every threshold) or lie apart
 * (IoU 0), so every answer is a short sum. One true positive with nothing ranked above it has precision
 * {@code 1 / (1 + eps)} (lvis-api adds numpy's eps to the denominator); one false positive ranked above the
 * only true positive halves it: {@code 1 / (2 + eps)}, which rounds to exactly 0.5.
 */
final class LvisEvaluatorTest {

    private static final long A = 1;
    private static final long B = 2;
    private static final double ALONE = 1.0 / (1.0 + NumpyMath.EPS);
    private static final double BEHIND_ONE_FP = 1.0 / (2.0 + NumpyMath.EPS);
    private static final double TOLERANCE = 1e-15;

    /** Ground truth with images 1 and 2, categories A (common) and B (frequent). */
    private static GroundTruth.Builder twoImages() {
        return GroundTruth.builder().addImage(1, 640, 480, "1.jpg").addImage(2, 640, 480, "2.jpg")
                .addCategory(A, "a").addCategory(B, "b");
    }

    private static LvisGroundTruth.Builder lvis(GroundTruth gt) {
        return LvisGroundTruth.builder(gt).frequency(A, Frequency.COMMON).frequency(B, Frequency.FREQUENT);
    }

    private static final long[] NONE = {};

    @Test
    void evaluate_negativeCategoryDetection_countsAsFalsePositive() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, new long[] {A}, NONE).build();
        Detections dt = Detections.builder().add(2, A, 10, 10, 20, 20, 0.9).add(1, A, 10, 10, 20, 20, 0.5).build();

        LvisResult r = LvisEvaluator.evaluate(lvis, dt);

        // the false positive on image 2 (A verified absent) ranks above the true positive
        assertThat(r.perCategory().get(0).metric("AP")).isCloseTo(BEHIND_ONE_FP, within(TOLERANCE));
        assertThat(r.counts().evaluated()).isEqualTo(2);
    }

    @Test
    void evaluate_unverifiedCategoryDetection_isDropped() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, NONE, new long[] {A}).build();
        // image 2 neither has A nor lists it as negative (listing it as not exhaustive changes nothing)
        Detections dt = Detections.builder().add(2, A, 10, 10, 20, 20, 0.9).add(1, A, 10, 10, 20, 20, 0.5).build();

        LvisResult r = LvisEvaluator.evaluate(lvis, dt);

        assertThat(r.perCategory().get(0).metric("AP")).isCloseTo(ALONE, within(TOLERANCE));
        assertThat(r.counts().evaluated()).isEqualTo(1);
    }

    @Test
    void evaluate_notExhaustiveUnmatchedDetection_isIgnored() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, new long[] {A}).image(2, NONE, NONE).build();
        // 0.9 matches nothing (IoU 0) but A is not exhaustive on image 1; 0.5 is a true positive there
        Detections dt = Detections.builder().add(1, A, 300, 300, 20, 20, 0.9).add(1, A, 10, 10, 20, 20, 0.5).build();

        LvisResult r = LvisEvaluator.evaluate(lvis, dt);

        assertThat(r.perCategory().get(0).metric("AP")).isCloseTo(ALONE, within(TOLERANCE));
        assertThat(r.perCategory().get(0).metric("AR")).isEqualTo(1.0);
    }

    @Test
    void evaluate_exhaustiveUnmatchedDetection_isFalsePositive() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, NONE, NONE).build();
        Detections dt = Detections.builder().add(1, A, 300, 300, 20, 20, 0.9).add(1, A, 10, 10, 20, 20, 0.5).build();

        LvisResult r = LvisEvaluator.evaluate(lvis, dt);

        assertThat(r.perCategory().get(0).metric("AP")).isCloseTo(BEHIND_ONE_FP, within(TOLERANCE));
    }

    @Test
    void evaluate_negativeAndNotExhaustive_unmatchedDetectionIgnored() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, new long[] {A}, new long[] {A}).build();
        Detections dt = Detections.builder().add(2, A, 10, 10, 20, 20, 0.9).add(1, A, 10, 10, 20, 20, 0.5).build();

        LvisResult r = LvisEvaluator.evaluate(lvis, dt);

        // evaluated (A is negative on image 2), then ignored (A is also not exhaustive there)
        assertThat(r.counts().evaluated()).isEqualTo(2);
        assertThat(r.perCategory().get(0).metric("AP")).isCloseTo(ALONE, within(TOLERANCE));
    }

    @Test
    void evaluate_moreThan300DetectionsInImage_capCountsEveryCategory() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, NONE, NONE).build();
        Detections.Builder b = Detections.builder();
        for (int i = 0; i < 300; i++) {
            b.add(1, B, 300, 300, 20, 20, 0.9); // B is not verified on image 1: dropped later, but counted by the cap
        }
        b.add(1, A, 10, 10, 20, 20, 0.5); // the 301st by score: cut

        LvisResult r = LvisEvaluator.evaluate(lvis, b.build());

        assertThat(r.counts().keptByCap()).isEqualTo(300);
        assertThat(r.counts().evaluated()).isZero();
        // A has its ground truth and no detection left: recall 0, precision 0
        assertThat(r.perCategory().get(0).metric("AP")).isZero();
        assertThat(r.perCategory().get(0).metric("AR")).isZero();
    }

    @Test
    void evaluate_tieAtTheCap_keepsInputOrder() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, NONE, NONE).build();
        Detections.Builder b = Detections.builder().add(1, A, 10, 10, 20, 20, 0.5); // first of 301 equal scores
        for (int i = 0; i < 300; i++) {
            b.add(1, B, 300, 300, 20, 20, 0.5);
        }

        LvisResult r = LvisEvaluator.evaluate(lvis, b.build());

        assertThat(r.counts().keptByCap()).isEqualTo(300);
        assertThat(r.perCategory().get(0).metric("AP")).isCloseTo(ALONE, within(TOLERANCE));
    }

    @Test
    void evaluate_zeroAreaGroundTruth_doesNotMakeCategoryPositive() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 0, false, false)
                .addAnnotation(2, 2, B, 10, 10, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, NONE, NONE).build();
        Detections dt = Detections.builder().add(1, A, 10, 10, 20, 20, 0.9).add(2, B, 10, 10, 20, 20, 0.9).build();

        LvisResult r = LvisEvaluator.evaluate(lvis, dt);

        assertThat(r.counts().groundTruthEvaluated()).isEqualTo(1);
        assertThat(r.counts().evaluated()).isEqualTo(1);
        assertThat(r.perCategory().get(0).metric("AP")).isEqualTo(-1.0);
        assertThat(r.stat("APc")).isEqualTo(-1.0); // A, the only common category, has no ground truth
        assertThat(r.stat("APf")).isCloseTo(ALONE, within(TOLERANCE));
        assertThat(r.stat("AP")).isCloseTo(ALONE, within(TOLERANCE));
    }

    @Test
    void evaluate_frequencyGroups_averageTheirOwnCategories() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, false)
                .addAnnotation(2, 1, B, 100, 100, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, new long[] {A}, NONE).build();
        Detections dt = Detections.builder().add(2, A, 10, 10, 20, 20, 0.9).add(1, A, 10, 10, 20, 20, 0.5)
                .add(1, B, 100, 100, 20, 20, 0.7).build();

        LvisResult r = LvisEvaluator.evaluate(lvis, dt);

        assertThat(r.stat("APc")).isCloseTo(BEHIND_ONE_FP, within(TOLERANCE));
        assertThat(r.stat("APf")).isCloseTo(ALONE, within(TOLERANCE));
        assertThat(r.stat("APr")).isEqualTo(-1.0); // no rare category at all
        assertThat(r.stat("AP")).isCloseTo((BEHIND_ONE_FP + ALONE) / 2, within(TOLERANCE));
    }

    @Test
    void evaluate_ignoreFlag_isHonoured() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, true)
                .addAnnotation(2, 2, A, 10, 10, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, NONE, NONE).build();
        // 0.9 matches the ignored ground truth on image 1 (ignored itself); 0.5 is the true positive
        Detections dt = Detections.builder().add(1, A, 10, 10, 20, 20, 0.9).add(2, A, 10, 10, 20, 20, 0.5).build();

        LvisResult r = LvisEvaluator.evaluate(lvis, dt);

        assertThat(r.perCategory().get(0).metric("AP")).isCloseTo(ALONE, within(TOLERANCE));
    }

    @Test
    void build_crowdGroundTruth_isRefused() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, true, false).build();

        assertThatThrownBy(() -> lvis(gt).image(1, NONE, NONE).image(2, NONE, NONE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crowd");
    }

    @Test
    void evaluate_sameInputsSequentialOrParallel_identicalNumbers() {
        GroundTruth gt = twoImages().addAnnotation(1, 1, A, 10, 10, 20, 20, 400, false, false)
                .addAnnotation(2, 1, B, 100, 100, 20, 20, 400, false, false).build();
        LvisGroundTruth lvis = lvis(gt).image(1, NONE, NONE).image(2, new long[] {A}, NONE).build();
        Detections dt = Detections.builder().add(2, A, 10, 10, 20, 20, 0.9).add(1, A, 10, 12, 20, 20, 0.5)
                .add(1, B, 100, 104, 20, 20, 0.7).build();

        assertThat(LvisEvaluator.evaluate(lvis, dt, false).stats())
                .isEqualTo(LvisEvaluator.evaluate(lvis, dt, true).stats());
    }
}
