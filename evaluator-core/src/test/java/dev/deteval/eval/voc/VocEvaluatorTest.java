package dev.deteval.eval.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

final class VocEvaluatorTest {

    static final VocParams CONTINUOUS = VocParams.defaults().withBoxConvention(BoxConvention.CONTINUOUS);

    /** One image "a", one class "cat", the given objects. */
    static VocDataset oneImage(double[]... objects) {
        VocDataset.Builder b = VocDataset.builder(List.of("cat"));
        int image = b.addImage("a");
        for (double[] o : objects) {
            b.addObject(image, "cat", o[0], o[1], o[2], o[3], o.length > 4 && o[4] != 0);
        }
        return b.build();
    }

    /** Detections of "cat" on image "a": {score, xmin, ymin, xmax, ymax} each. */
    static VocDetections cats(VocDataset gt, double[]... dets) {
        VocDetections.Builder b = VocDetections.builder(gt);
        for (double[] d : dets) {
            b.add("a", "cat", d[0], d[1], d[2], d[3], d[4]);
        }
        return b.build();
    }

    static VocClassResult cat(VocDataset gt, VocDetections dt, VocParams params) {
        return VocEvaluator.evaluate(gt, dt, params).perClass().get(0);
    }

    @Test
    void overlap_pixelPlusOne_addsOneToEveryExtent() {
        double[] gt = {1, 1, 10, 10};
        double[] det = {1, 1, 10, 5};
        // 10 x 10 pixels and 10 x 5 pixels, the smaller inside the larger
        assertThat(Overlap.of(1.0, det, 0, gt, 0)).isEqualTo((10.0 * 5) / (10 * 5 + 10 * 10 - 10 * 5));
        // continuous: 9 x 9 and 9 x 4
        assertThat(Overlap.of(0.0, det, 0, gt, 0)).isEqualTo((9.0 * 4) / (9 * 4 + 9 * 9 - 9 * 4));
    }

    @Test
    void overlap_disjointBoxes_isZero() {
        double[] a = {1, 1, 10, 10};
        double[] b = {12, 1, 20, 10};
        assertThat(Overlap.of(1.0, a, 0, b, 0)).isZero();
        assertThat(Overlap.of(0.0, a, 0, b, 0)).isZero();
    }

    @Test
    void overlap_touchingPixelBoxes_shareOneColumnOnlyWithPlusOne() {
        double[] a = {1, 1, 10, 10};
        double[] b = {10, 1, 19, 10};
        assertThat(Overlap.of(1.0, a, 0, b, 0)).isEqualTo((1.0 * 10) / (100 + 100 - 10));
        assertThat(Overlap.of(0.0, a, 0, b, 0)).isZero();
    }

    @Test
    void evaluate_pixelOverlapExactlyHalf_greaterRejectsAndGreaterOrEqualAccepts() {
        VocDataset gt = oneImage(new double[] {1, 1, 10, 10});
        VocDetections dt = cats(gt, new double[] {0.9, 1, 1, 10, 5});

        VocClassResult strict = cat(gt, dt, VocParams.defaults());
        VocClassResult inclusive = cat(gt, dt, VocParams.defaults().withMatchRule(MatchRule.GREATER_OR_EQUAL));

        assertThat(strict.tp()).isZero();
        assertThat(strict.fp()).isEqualTo(1);
        assertThat(inclusive.tp()).isEqualTo(1);
        assertThat(inclusive.fp()).isZero();
    }

    @Test
    void evaluate_continuousOverlapExactlyHalf_onlyGreaterOrEqualMatches() {
        VocDataset gt = oneImage(new double[] {0, 0, 10, 10});
        VocDetections dt = cats(gt, new double[] {0.9, 0, 0, 10, 5});

        assertThat(cat(gt, dt, CONTINUOUS).tp()).isZero();
        assertThat(cat(gt, dt, CONTINUOUS.withMatchRule(MatchRule.GREATER_OR_EQUAL)).tp()).isEqualTo(1);
        // with +1 pixels the same corners overlap 11 * 6 / (11 * 11) > 0.5
        assertThat(cat(gt, dt, VocParams.defaults()).tp()).isEqualTo(1);
    }

    @Test
    void evaluate_duplicateDetection_secondIsFalsePositive() {
        VocDataset gt = oneImage(new double[] {1, 1, 100, 100});
        VocDetections dt = cats(gt, new double[] {0.5, 1, 1, 100, 100}, new double[] {0.9, 2, 2, 99, 99});

        VocClassResult r = cat(gt, dt, VocParams.defaults());

        assertThat(r.tp()).isEqualTo(1);
        assertThat(r.fp()).isEqualTo(1);
        // the higher score came second in input but is matched first: precision 1/1 then 1/2
        assertThat(r.ap10()).isEqualTo(1.0);
        assertThat(r.finalPrecision()).isEqualTo(1 / 2.0);
    }

    @Test
    void evaluate_bestOverlapAlreadyDetected_falsePositiveEvenIfAnotherObjectOverlaps() {
        VocDataset gt = oneImage(new double[] {1, 1, 100, 100}, new double[] {11, 1, 110, 100});
        // the second detection overlaps object 1 most (already taken) and object 2 by more than 0.5
        VocDetections dt = cats(gt, new double[] {0.9, 1, 1, 100, 100}, new double[] {0.8, 4, 1, 103, 100});

        VocClassResult r = cat(gt, dt, VocParams.defaults());

        assertThat(r.tp()).isEqualTo(1);
        assertThat(r.fp()).isEqualTo(1);
        assertThat(r.finalRecall()).isEqualTo(1 / 2.0);
    }

    @Test
    void evaluate_equalOverlapWithTwoObjects_firstObjectIsTaken() {
        VocDataset gt = oneImage(new double[] {1, 1, 100, 100}, new double[] {1, 1, 100, 100});
        VocDetections dt = cats(gt, new double[] {0.9, 1, 1, 100, 100}, new double[] {0.8, 1, 1, 100, 100});

        VocClassResult r = cat(gt, dt, VocParams.defaults());

        // both detections pick the first object; the second object is never considered
        assertThat(r.tp()).isEqualTo(1);
        assertThat(r.fp()).isEqualTo(1);
    }

    @Test
    void evaluate_detectionOnDifficultObject_isNeitherTpNorFp() {
        VocDataset gt = oneImage(new double[] {1, 1, 100, 100, 1}, new double[] {200, 200, 300, 300});
        VocDetections dt = cats(gt, new double[] {0.9, 1, 1, 100, 100}, new double[] {0.8, 200, 200, 300, 300});

        VocClassResult r = cat(gt, dt, VocParams.defaults());

        assertThat(r.npos()).isEqualTo(1);
        assertThat(r.ndet()).isEqualTo(2);
        assertThat(r.ignoredDifficult()).isEqualTo(1);
        assertThat(r.tp()).isEqualTo(1);
        assertThat(r.fp()).isZero();
        // the ignored first point has recall 0 and precision 0/eps = 0, and adds no area
        assertThat(r.ap10()).isEqualTo(1.0);
    }

    @Test
    void evaluate_belowThresholdOnDifficultObject_isFalsePositive() {
        VocDataset gt = oneImage(new double[] {1, 1, 100, 100, 1}, new double[] {200, 200, 300, 300});
        VocDetections dt = cats(gt, new double[] {0.9, 1, 1, 100, 30});

        VocClassResult r = cat(gt, dt, VocParams.defaults());

        assertThat(r.fp()).isEqualTo(1);
        assertThat(r.ignoredDifficult()).isZero();
    }

    @Test
    void evaluate_tiedScores_inputOrderDecides() {
        VocDataset gt = oneImage(new double[] {1, 1, 100, 100});
        double[] hit = {0.5, 1, 1, 100, 100};
        double[] miss = {0.5, 300, 300, 400, 400};

        VocClassResult hitFirst = cat(gt, cats(gt, hit, miss), VocParams.defaults());
        VocClassResult missFirst = cat(gt, cats(gt, miss, hit), VocParams.defaults());

        assertThat(hitFirst.scoreTies()).isTrue();
        assertThat(hitFirst.ap10()).isEqualTo(1.0);
        // precision 0 then 1/2 at recall 1
        assertThat(missFirst.ap10()).isEqualTo(1 / 2.0);
    }

    @Test
    void evaluate_zeroAreaBoxesContinuous_noMatchAsInNumpy() {
        // 0/0 overlap is NaN in numpy, and NaN passes no threshold
        VocDataset gt = oneImage(new double[] {5, 5, 5, 5});
        VocDetections dt = cats(gt, new double[] {0.9, 5, 5, 5, 5});

        assertThat(cat(gt, dt, CONTINUOUS.withMatchRule(MatchRule.GREATER_OR_EQUAL)).fp()).isEqualTo(1);
        // with +1 the same corners are a one-pixel box, overlap 1
        assertThat(cat(gt, dt, VocParams.defaults()).tp()).isEqualTo(1);
    }

    @Test
    void evaluate_detectionOnImageWithoutObjectsOfItsClass_isFalsePositive() {
        VocDataset.Builder b = VocDataset.builder(List.of("cat", "dog"));
        int a = b.addImage("a");
        int other = b.addImage("b");
        b.addObject(a, "cat", 1, 1, 50, 50, false);
        b.addObject(other, "dog", 1, 1, 50, 50, false);
        VocDataset gt = b.build();
        VocDetections dt = VocDetections.builder(gt).add("b", "cat", 0.9, 1, 1, 50, 50)
                .add("a", "cat", 0.8, 1, 1, 50, 50).build();

        VocClassResult r = VocEvaluator.evaluate(gt, dt, VocParams.defaults()).classResult("cat");

        assertThat(r.fp()).isEqualTo(1);
        assertThat(r.tp()).isEqualTo(1);
    }

    @Test
    void evaluate_classWithoutPositives_undefinedAndLeftOutOfMap() {
        VocDataset.Builder b = VocDataset.builder(List.of("cat", "dog"));
        int a = b.addImage("a");
        b.addObject(a, "cat", 1, 1, 50, 50, false);
        b.addObject(a, "dog", 100, 100, 150, 150, true);
        VocDataset gt = b.build();
        VocDetections dt = VocDetections.builder(gt).add("a", "cat", 0.9, 1, 1, 50, 50)
                .add("a", "dog", 0.8, 1, 1, 50, 50).build();

        VocResult result = VocEvaluator.evaluate(gt, dt, VocParams.defaults());

        VocClassResult dog = result.classResult("dog");
        assertThat(dog.evaluated()).isFalse();
        assertThat(dog.npos()).isZero();
        assertThat(dog.fp()).isEqualTo(1);
        assertThat(dog.ap07()).isEqualTo(VocClassResult.UNDEFINED);
        assertThat(dog.ap10()).isEqualTo(VocClassResult.UNDEFINED);
        assertThat(dog.finalRecall()).isEqualTo(VocClassResult.UNDEFINED);
        assertThat(dog.finalPrecision()).isZero();
        // the mean is over "cat" alone; eleven additions of 1/11 give one ulp above 1
        assertThat(result.map10()).isEqualTo(1.0);
        assertThat(result.map07()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void evaluate_noClassWithPositives_mapIsUndefined() {
        VocDataset gt = oneImage(new double[] {1, 1, 10, 10, 1});

        VocResult result = VocEvaluator.evaluate(gt, VocDetections.empty(gt), VocParams.defaults());

        assertThat(result.map07()).isEqualTo(VocClassResult.UNDEFINED);
        assertThat(result.map10()).isEqualTo(VocClassResult.UNDEFINED);
    }

    @Test
    void evaluate_classWithPositivesButNoDetections_scoresZeroAndCounts() {
        VocDataset.Builder b = VocDataset.builder(List.of("cat", "dog"));
        int a = b.addImage("a");
        b.addObject(a, "cat", 1, 1, 50, 50, false);
        b.addObject(a, "dog", 100, 100, 150, 150, false);
        VocDataset gt = b.build();
        VocDetections dt = VocDetections.builder(gt).add("a", "cat", 0.9, 1, 1, 50, 50).build();

        VocResult result = VocEvaluator.evaluate(gt, dt, VocParams.defaults());

        VocClassResult dog = result.classResult("dog");
        assertThat(dog.ndet()).isZero();
        assertThat(dog.ap07()).isZero();
        assertThat(dog.ap10()).isZero();
        assertThat(dog.finalRecall()).isZero();
        assertThat(dog.finalPrecision()).isZero();
        assertThat(result.map10()).isEqualTo((1.0 + 0.0) / 2);
    }

    @Test
    void evaluate_overlapThresholdParameter_isUsed() {
        VocDataset gt = oneImage(new double[] {1, 1, 10, 10});
        VocDetections dt = cats(gt, new double[] {0.9, 1, 1, 10, 5});

        assertThat(cat(gt, dt, VocParams.defaults().withOverlapThreshold(0.4)).tp()).isEqualTo(1);
        assertThat(cat(gt, dt, VocParams.defaults().withOverlapThreshold(0.7)).tp()).isZero();
    }

    @Test
    void evaluate_detectionsOfAnotherDataset_rejected() {
        VocDataset gt = oneImage(new double[] {1, 1, 10, 10});
        VocDataset copy = oneImage(new double[] {1, 1, 10, 10});

        assertThatThrownBy(() -> VocEvaluator.evaluate(gt, VocDetections.empty(copy), VocParams.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another dataset");
    }
}
