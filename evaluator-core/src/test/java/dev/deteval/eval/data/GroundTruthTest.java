package dev.deteval.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.mask.Rle;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Ground truth is immutable: the arrays its accessors return are copies (issue 13, item 7). */
final class GroundTruthTest {

    private static GroundTruth oneBox() {
        GroundTruth.Builder b = GroundTruth.builder().addImage(1).addCategory(1, "thing")
                .addAnnotation(7, 1, 1, 10, 10, 20, 20);
        b.mask(0, Rle.of(2, 2, new int[] {1, 2, 1}));
        b.keypoints(0, new double[] {15, 15, 2}, 1);
        return b.build();
    }

    private static Detections sameBox() {
        return Detections.builder().add(1, 1, 10, 10, 20, 20, 0.9).build();
    }

    private static double ap(GroundTruth gt) {
        return CocoEvaluator.evaluate(gt, sameBox()).summary().ap();
    }

    /** The example: zeroing the array boxColumn() returned turned AP 1.0 into 0.0. */
    @Test
    void boxColumn_callerWritesIntoIt_laterEvaluationUnchanged() {
        GroundTruth gt = oneBox();
        assertThat(ap(gt)).isCloseTo(1.0, within(1e-12));

        Arrays.fill(gt.boxColumn(), 0.0);

        assertThat(ap(gt)).isCloseTo(1.0, within(1e-12));
        assertThat(gt.boxColumn()).containsExactly(10, 10, 20, 20);
    }

    @Test
    void everyColumn_callerWritesIntoIt_groundTruthAndEvaluationUnchanged() {
        GroundTruth gt = oneBox();

        Arrays.fill(gt.annotationIdColumn(), 0);
        Arrays.fill(gt.imageIdColumn(), 99);
        Arrays.fill(gt.categoryIdColumn(), 99);
        Arrays.fill(gt.areaColumn(), -1.0);
        Arrays.fill(gt.crowdColumn(), true);
        Arrays.fill(gt.ignoreColumn(), true);
        Arrays.fill(gt.maskColumn(), null);
        Arrays.fill(gt.numKeypointsColumn(), 0);
        Arrays.fill(gt.sortedImageIds(), 99);

        assertThat(ap(gt)).isCloseTo(1.0, within(1e-12));
        assertThat(gt.annotationIdColumn()).containsExactly(7);
        assertThat(gt.imageIdColumn()).containsExactly(1);
        assertThat(gt.categoryIdColumn()).containsExactly(1);
        assertThat(gt.areaColumn()).containsExactly(400);
        assertThat(gt.crowdColumn()).containsExactly(false);
        assertThat(gt.ignoreColumn()).containsExactly(false);
        assertThat(gt.maskColumn()[0]).isNotNull();
        assertThat(gt.numKeypointsColumn()).containsExactly(1);
        assertThat(gt.hasImage(1)).isTrue();
    }

    /** Keypoint values written through {@link KeypointColumn#values()} do not reach OKS. */
    @Test
    void keypointValues_callerWritesIntoThem_laterKeypointEvaluationUnchanged() {
        GroundTruth gt = oneBox();
        Detections dt = Detections.builder().add(1, 1, 10, 10, 20, 20, 0.9).keypoints(new double[] {15, 15, 2})
                .build();
        CocoParams kps = CocoParams.builder(CocoParams.defaults().mode()).optIouType(IouType.KEYPOINTS)
                .optKptOksSigmas(0.1).build();
        assertThat(CocoEvaluator.evaluate(gt, dt, kps).summary().ap()).isCloseTo(1.0, within(1e-12));

        Arrays.fill(gt.keypoints().values(), -1000.0);
        Arrays.fill(dt.keypoints().values(), 1000.0);

        assertThat(CocoEvaluator.evaluate(gt, dt, kps).summary().ap()).isCloseTo(1.0, within(1e-12));
        assertThat(gt.keypoints().values()).containsExactly(15, 15, 2);
    }

    /**
     * Compat with pycocotools: an annotation of a category missing from {@code categories} is accepted
     * (the builder used to document that it is rejected) and left out of the evaluation.
     */
    @Test
    void build_annotationOfUnknownCategory_keptButNotEvaluated() {
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "thing")
                .addAnnotation(7, 1, 1, 10, 10, 20, 20)
                .addAnnotation(8, 1, 99, 100, 100, 20, 20)
                .build();
        Detections dt = Detections.builder().add(1, 1, 10, 10, 20, 20, 0.9).add(1, 99, 100, 100, 20, 20, 0.8)
                .build();

        assertThat(gt.annotationCount()).isEqualTo(2);
        assertThat(gt.categoryIdColumn()).containsExactly(1, 99);
        assertThat(gt.categories()).extracting(Category::id).containsExactly(1L);
        assertThat(CocoEvaluator.evaluate(gt, dt).summary().ap()).isCloseTo(1.0, within(1e-12));
        assertThat(CocoEvaluator.evaluate(gt, dt).categoryIds()).containsExactly(1);
    }
}
