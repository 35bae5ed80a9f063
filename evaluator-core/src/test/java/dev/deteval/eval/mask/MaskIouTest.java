package dev.deteval.eval.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.mask.Masks.Bitmap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class MaskIouTest {

    @Provide
    Arbitrary<Bitmap[]> pairs() {
        return Masks.pairs();
    }

    @Property
    void iou_randomMasks_equalsPixelCountIou(@ForAll("pairs") Bitmap[] pair) {
        long[] counts = overlap(pair[0], pair[1]);
        double expected = counts[0] == 0 ? 0 : (double) counts[0] / counts[1];
        assertThat(single(pair[0], pair[1], false)).isEqualTo(expected);
    }

    @Property
    void iou_crowdGroundTruth_dividesByDetectionArea(@ForAll("pairs") Bitmap[] pair) {
        long[] counts = overlap(pair[0], pair[1]);
        double expected = counts[0] == 0 ? 0 : (double) counts[0] / pair[0].count();
        assertThat(single(pair[0], pair[1], true)).isEqualTo(expected);
    }

    @Test
    void iou_manyPairs_writesRowMajorByDetection() {
        // 1x6 image; detections {0,1} and {3}; ground truths {1}, {3,4}, {5}
        Rle[] dt = {Rle.of(1, 6, new int[] {0, 2, 4}), Rle.of(1, 6, new int[] {3, 1, 2})};
        Rle[] gt = {Rle.of(1, 6, new int[] {1, 1, 4}), Rle.of(1, 6, new int[] {3, 2, 1}),
                Rle.of(1, 6, new int[] {5, 1})};
        double[] out = new double[6];
        MaskIou.iou(dt, gt, new boolean[] {false, true, false}, out);
        // d0: {0,1} vs {1}: 1/2; vs crowd {3,4}: disjoint boxes; vs {5}: 0
        // d1: {3} vs {1}: 0; vs crowd {3,4}: 1 over detection area 1; vs {5}: 0
        assertThat(out).containsExactly(1.0 / 2, 0, 0, 0, 1.0 / 1, 0);
    }

    @Test
    void iou_boxesOverlapButMasksDisjoint_isZero() {
        // 2x2 diagonals: both boxes are [0, 0, 2, 2], no shared pixel, so u is taken as 1 and i = 0
        Rle main = Rle.of(2, 2, new int[] {0, 1, 2, 1});
        Rle anti = Rle.of(2, 2, new int[] {1, 2, 1});
        double[] out = new double[1];
        MaskIou.iou(new Rle[] {main}, new Rle[] {anti}, null, out);
        assertThat(out[0]).isZero();
    }

    @Test
    void iou_differentSizesWithOverlappingBoxes_isMinusOne() {
        Rle dt = Rle.of(4, 4, new int[] {0, 16});
        Rle gt = Rle.of(4, 5, new int[] {0, 20});
        double[] out = new double[1];
        MaskIou.iou(new Rle[] {dt}, new Rle[] {gt}, null, out);
        assertThat(out[0]).isEqualTo(-1);
    }

    @Test
    void iou_differentSizesWithDisjointBoxes_isZero() {
        // the size check comes after the box prefilter, as in rleIou
        Rle dt = Rle.of(4, 4, new int[] {0, 1, 15});
        Rle gt = Rle.of(4, 5, new int[] {19, 1});
        double[] out = new double[1];
        MaskIou.iou(new Rle[] {dt}, new Rle[] {gt}, null, out);
        assertThat(out[0]).isZero();
    }

    @Test
    void iou_emptyMask_isZero() {
        Rle empty = Rle.of(3, 3, new int[] {9});
        Rle full = Rle.of(3, 3, new int[] {0, 9});
        double[] out = new double[2];
        MaskIou.iou(new Rle[] {empty, full}, new Rle[] {full}, new boolean[] {true}, out);
        assertThat(out).containsExactly(0, 1);
    }

    @Test
    void iou_wrongLengths_throw() {
        Rle full = Rle.of(3, 3, new int[] {0, 9});
        Rle[] one = {full};
        assertThatThrownBy(() -> MaskIou.iou(one, one, new boolean[2], new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gtCrowd has 2 entries for 1 ground truths");
        assertThatThrownBy(() -> MaskIou.iou(new Rle[] {full, full}, one, null, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("out has 1 entries, 2 needed for 2 detections x 1 ground truths");
    }

    private static double single(Bitmap dt, Bitmap gt, boolean crowd) {
        double[] out = new double[1];
        MaskIou.iou(new Rle[] {dt.rle()}, new Rle[] {gt.rle()}, new boolean[] {crowd}, out);
        return out[0];
    }

    /** {intersection, union} pixel counts. */
    private static long[] overlap(Bitmap a, Bitmap b) {
        long intersection = 0;
        long union = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            intersection += a.pixels()[i] && b.pixels()[i] ? 1 : 0;
            union += a.pixels()[i] || b.pixels()[i] ? 1 : 0;
        }
        return new long[] {intersection, union};
    }
}
