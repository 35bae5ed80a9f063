package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ImageMatch} and {@link OutcomeMerge} on hand cases. */
final class OutcomeMergeTest {

    private static GroundTruth oneBox(long image) {
        return GroundTruth.builder().addCategory(1, "a").addImage(image)
                .addAnnotation(image * 10, image, 1, 0, 0, 10, 10).build();
    }

    @Test
    void match_exactBox_isTruePositiveAtEveryThresholdAndArea() {
        Detections dt = Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9).build();

        List<OutcomeRows> rows = ImageMatch.match(oneBox(1), dt, CocoParams.defaults());

        assertThat(rows).hasSize(1);
        OutcomeRows r = rows.get(0);
        assertThat(r.categoryId()).isEqualTo(1);
        assertThat(r.scores()).containsExactly(0.9);
        // area 100 is in "all" (a = 0) and "small" (a = 1): bits 0..19 of the 4 x 10 are true positives;
        // "medium" and "large" ignore the ground truth, so the detection is ignored there (bits 20..39)
        assertThat(r.tp()).containsExactly((1L << 20) - 1);
        assertThat(r.ignored()).containsExactly(((1L << 40) - 1) & ~((1L << 20) - 1));
        assertThat(r.npig()).containsExactly(1, 1, 0, 0);
    }

    @Test
    void accumulate_oneHitOneMissOverTwoImages_precisionOneUpToRecallHalf() {
        CocoParams p = CocoParams.defaults();
        OutcomeRows hit = ImageMatch.match(oneBox(1), Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9).build(), p)
                .get(0);
        OutcomeRows miss = ImageMatch.match(oneBox(2),
                Detections.builder().add(2, 1, 50, 50, 10, 10, 0.8).build(), p).get(0);

        CategoryTables t = OutcomeMerge.accumulate(p, 0, List.of(hit, miss));

        // [T][R][A][M] with R = 101, A = 4, M = 3: t = 0, area "all", maxDets 100
        int m = 2;
        double recallAtT0 = t.recall()[(0 * 4 + 0) * 3 + m];
        assertThat(recallAtT0).isEqualTo(1.0 / 2);
        double[] precision = t.precision();
        // recall thresholds 0.00 .. 0.50 reach the first detection, a hit: 1 / (1 + 0 + eps)
        assertThat(precision[((0 * 101 + 50) * 4 + 0) * 3 + m]).isEqualTo(1.0 / (1.0 + 2.220446049250313e-16));
        assertThat(precision[((0 * 101 + 51) * 4 + 0) * 3 + m]).isEqualTo(0.0);
    }

    @Test
    void accumulate_imagesNotAscending_throws() {
        CocoParams p = CocoParams.defaults();
        OutcomeRows a = ImageMatch.match(oneBox(1), Detections.empty(), p).get(0);
        OutcomeRows b = ImageMatch.match(oneBox(2), Detections.empty(), p).get(0);

        assertThatThrownBy(() -> OutcomeMerge.accumulate(p, 0, List.of(b, a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly ascending image id");
    }

    @Test
    void outcomeRows_bitSetsTooShort_throws() {
        assertThatThrownBy(() -> new OutcomeRows(0, 1, 1, 40, new double[] {0.5, 0.4}, new long[1], new long[1],
                new int[4])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 2 words");
    }

    @Test
    void match_imageOutsideImgIds_givesNoRows() {
        CocoParams p = CocoParams.builder(CocoMode.COMPAT).optImgIds(7).build();

        assertThat(ImageMatch.match(oneBox(1), Detections.builder().add(1, 1, 0, 0, 10, 10, 0.9).build(), p))
                .isEmpty();
    }
}
