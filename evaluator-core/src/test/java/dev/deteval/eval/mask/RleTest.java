package dev.deteval.eval.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.mask.Masks.Bitmap;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class RleTest {

    @Provide
    Arbitrary<Bitmap> bitmaps() {
        return Masks.bitmaps();
    }

    @Provide
    Arbitrary<Bitmap[]> pairs() {
        return Masks.pairs();
    }

    @Property
    void fromMask_toMask_roundTrips(@ForAll("bitmaps") Bitmap bitmap) {
        Rle rle = bitmap.rle();
        assertThat(rle.toMask()).isEqualTo(bitmap.pixels());
        assertThat(Rle.of(rle.height(), rle.width(), rle.counts())).isEqualTo(rle).hasSameHashCodeAs(rle);
    }

    @Property
    void fromMask_anyBitmap_givesCanonicalRuns(@ForAll("bitmaps") Bitmap bitmap) {
        int[] counts = bitmap.rle().counts();
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i];
            if (i > 0) {
                assertThat(counts[i]).as("run %d", i).isPositive();
            }
        }
        assertThat(sum).isEqualTo((long) bitmap.h() * bitmap.w());
    }

    @Property
    void area_anyBitmap_equalsSetPixelCount(@ForAll("bitmaps") Bitmap bitmap) {
        assertThat(bitmap.rle().area()).isEqualTo(bitmap.count());
    }

    @Property
    void bbox_anyBitmap_equalsExtentOfSetPixels(@ForAll("bitmaps") Bitmap bitmap) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int x = 0; x < bitmap.w(); x++) {
            for (int y = 0; y < bitmap.h(); y++) {
                if (bitmap.at(y, x)) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        double[] expected = x1 < 0 ? new double[4] : new double[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
        assertThat(bitmap.rle().bbox()).containsExactly(expected);
    }

    @Property
    void merge_pair_equalsPixelwiseOrAndAnd(@ForAll("pairs") Bitmap[] pair) {
        Bitmap a = pair[0];
        Bitmap b = pair[1];
        boolean[] or = new boolean[a.pixels().length];
        boolean[] and = new boolean[a.pixels().length];
        for (int i = 0; i < or.length; i++) {
            or[i] = a.pixels()[i] || b.pixels()[i];
            and[i] = a.pixels()[i] && b.pixels()[i];
        }
        List<Rle> parts = List.of(a.rle(), b.rle());
        assertThat(Rle.merge(parts, false)).isEqualTo(Rle.fromMask(or, a.h(), a.w()));
        assertThat(Rle.merge(parts, true)).isEqualTo(Rle.fromMask(and, a.h(), a.w()));
    }

    @Test
    void merge_threeParts_isUnionOfAll() {
        // 1x6 image, one pixel per part at columns 0, 2 and 5
        Rle a = Rle.of(1, 6, new int[] {0, 1, 5});
        Rle b = Rle.of(1, 6, new int[] {2, 1, 3});
        Rle c = Rle.of(1, 6, new int[] {5, 1});
        assertThat(Rle.merge(List.of(a, b, c), false).counts()).containsExactly(0, 1, 1, 1, 2, 1);
        assertThat(Rle.merge(List.of(a, b, c), true).counts()).containsExactly(6);
    }

    @Test
    void merge_singlePart_returnsIt() {
        Rle a = Rle.of(2, 2, new int[] {1, 3});
        assertThat(Rle.merge(List.of(a), false)).isEqualTo(a);
    }

    @Test
    void merge_differentSizes_throws() {
        Rle a = Rle.of(2, 3, new int[] {6});
        Rle b = Rle.of(3, 2, new int[] {6});
        assertThatThrownBy(() -> Rle.merge(List.of(a, b), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("part 0 is 2x3, part 1 is 3x2");
        assertThatThrownBy(() -> Rle.merge(List.of(), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void merge_bothHaveEmptyRunAtSamePixel_isRejectedWhereCStopsEarly() {
        // after pixel 2 both switch to an empty 1-run, so both remaining counts are 0 and the C loop ends
        Rle a = Rle.of(1, 4, new int[] {2, 0, 0, 2});
        Rle b = Rle.of(1, 4, new int[] {2, 0, 0, 2});
        assertThatThrownBy(() -> Rle.merge(List.of(a, b), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("merging part 1 stopped after 2 of 4 pixels: both masks have an empty run at pixel 2"
                        + " (pycocotools' rleMerge stops there too)");
    }

    @Test
    void of_countsNotSummingToPixels_throwsWithBothNumbers() {
        assertThatThrownBy(() -> Rle.of(4, 5, new int[] {3, 4, 5})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RLE counts sum to 12 but h*w = 20 (h=4, w=5)");
    }

    @Test
    void of_negativeCount_throws() {
        assertThatThrownBy(() -> Rle.of(2, 2, new int[] {5, -1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RLE count 1 is negative: -1");
    }

    @Test
    void of_negativeSize_throws() {
        assertThatThrownBy(() -> Rle.of(-1, 2, new int[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void counts_modifiedCopy_doesNotChangeMask() {
        int[] input = {1, 2, 1};
        Rle rle = Rle.of(2, 2, input);
        input[0] = 99;
        rle.counts()[0] = 99;
        assertThat(rle.counts()).containsExactly(1, 2, 1);
    }

    @Test
    void bbox_runWrappingIntoNextColumn_spansFullHeight() {
        // 4x3 image: pixels 3 (y=3, x=0) and 4 (y=0, x=1) form one run across the column boundary
        Rle rle = Rle.of(4, 3, new int[] {3, 2, 7});
        assertThat(rle.bbox()).containsExactly(0, 0, 2, 4);
    }

    @Test
    void bbox_emptyOneRunAtPixelZero_wrapsLikeUnsignedC() {
        // counts [0, 0, 4] in a 2x2 image: run 0 puts pixel 0 (x=0, y=0) in the box; run 1 has cc - 1 = -1,
        // which is 4294967295 as uint32: y = 4294967295 % 2 = 1, x = 4294967294 / 2 = 2147483647, and the run
        // "ends" in a later column than it started, so the box spans rows 0..h-1
        Rle rle = Rle.of(2, 2, new int[] {0, 0, 4});
        assertThat(rle.bbox()).containsExactly(0, 0, 2147483647.0 - 0 + 1, 2 - 0);
    }

    @Test
    void bbox_emptyMask_isZeros() {
        assertThat(Rle.of(3, 3, new int[] {9}).bbox()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void fromMask_wrongLength_throws() {
        assertThatThrownBy(() -> Rle.fromMask(new boolean[5], 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 pixels but h*w = 6");
    }

    @Test
    void toString_showsSizeAreaAndRuns() {
        assertThat(Rle.of(2, 3, new int[] {1, 2, 3})).hasToString("Rle[2x3, area 2, 3 runs: 1, 2, 3]");
    }
}
