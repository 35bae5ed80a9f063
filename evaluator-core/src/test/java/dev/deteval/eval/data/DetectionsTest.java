package dev.deteval.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.mask.Rle;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DetectionsTest {

    private static Detections.Builder part(int expected, int first, int count) {
        Detections.Builder b = Detections.builder(expected);
        for (int i = first; i < first + count; i++) {
            b.add(i, 10 + i % 3, i, 2 * i, 3 + i, 4 + i, 1.0 / (i + 1));
        }
        return b;
    }

    @Test
    void concatBuilders_sizedAboveAndBelowTheirContent_equalsOneBuilderOfEverything() {
        Detections.Builder[] builders = {part(100, 0, 5), part(0, 5, 40), part(7, 45, 7)};
        Detections expected = part(0, 0, 52).build();

        Detections joined = Detections.concat(builders);

        assertThat(joined.size()).isEqualTo(52);
        assertThat(joined.imageIdColumn()).isEqualTo(expected.imageIdColumn());
        assertThat(joined.categoryIdColumn()).isEqualTo(expected.categoryIdColumn());
        assertThat(joined.boxColumn()).isEqualTo(expected.boxColumn());
        assertThat(joined.scoreColumn()).isEqualTo(expected.scoreColumn());
        assertThat(joined.areaColumn()).isEqualTo(expected.areaColumn());
    }

    @Test
    void concatBuilders_oneWithAreaOverride_keepsTheOverride() {
        Detections.Builder a = part(4, 0, 2);
        Detections.Builder b = part(4, 2, 2).area(99.5);

        Detections joined = Detections.concat(a, b);

        assertThat(joined.areaColumn()).containsExactly(3 * 4, 4 * 5, 5 * 6, 99.5);
    }

    @Test
    void concatBuilders_timesInOnePart_keptInPlaceNaNElsewhere() {
        Detections.Builder a = part(0, 0, 2);
        Detections.Builder b = part(0, 2, 3);
        b.time(7.5);
        Detections none = Detections.concat(part(0, 0, 2));
        assertThat(none.hasTimes()).isFalse();
        assertThat(none.timeColumn()).containsOnly(Double.NaN);
        Detections d = Detections.concat(a, b);
        assertThat(d.hasTimes()).isTrue();
        assertThat(d.timeColumn()).containsExactly(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 7.5);
        assertThat(Detections.builder().addAll(d).build().timeColumn()).containsExactly(d.timeColumn());
        assertThatThrownBy(() -> b.time(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_negativeExpectedSize_isRejected() {
        assertThatThrownBy(() -> Detections.builder(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concatBuilders_masksAndKeypointsInSomeParts_keptInPlaceNullElsewhere() {
        Rle mask = Rle.of(2, 2, new int[] {1, 2, 1});
        Detections.Builder a = part(0, 0, 2).mask(mask);
        Detections.Builder b = part(0, 2, 2);
        Detections.Builder c = part(0, 4, 1).keypoints(new double[] {1, 2, 2});

        Detections joined = Detections.concat(a, b, c);

        assertThat(joined.maskColumn()).containsExactly(null, mask, null, null, null);
        KeypointColumn kps = joined.keypoints();
        assertThat(kps.count(4)).isEqualTo(1);
        assertThat(kps.values()[kps.start(4)]).isEqualTo(1);
        assertThat(kps.count(0) + kps.count(1) + kps.count(2) + kps.count(3)).isZero();
    }

    /** Writing into the arrays the accessors return changed the next evaluation before they were copies. */
    @Test
    void everyColumn_callerWritesIntoIt_detectionsAndEvaluationUnchanged() {
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "thing")
                .addAnnotation(7, 1, 1, 10, 10, 20, 20).build();
        Detections dt = Detections.builder().add(1, 1, 10, 10, 20, 20, 0.9)
                .mask(Rle.of(2, 2, new int[] {1, 2, 1})).build();
        assertThat(CocoEvaluator.evaluate(gt, dt).summary().ap()).isCloseTo(1.0, within(1e-12));

        Arrays.fill(dt.boxColumn(), 0.0);
        Arrays.fill(dt.imageIdColumn(), 99);
        Arrays.fill(dt.categoryIdColumn(), 99);
        Arrays.fill(dt.scoreColumn(), -1.0);
        Arrays.fill(dt.areaColumn(), 1e12);
        Arrays.fill(dt.maskColumn(), null);

        assertThat(CocoEvaluator.evaluate(gt, dt).summary().ap()).isCloseTo(1.0, within(1e-12));
        assertThat(dt.boxColumn()).containsExactly(10, 10, 20, 20);
        assertThat(dt.imageIdColumn()).containsExactly(1);
        assertThat(dt.categoryIdColumn()).containsExactly(1);
        assertThat(dt.scoreColumn()).containsExactly(0.9);
        assertThat(dt.areaColumn()).containsExactly(400);
        assertThat(dt.maskColumn()[0]).isNotNull();
    }
}
