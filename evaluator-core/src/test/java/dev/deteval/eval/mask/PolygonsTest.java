package dev.deteval.eval.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

final class PolygonsTest {

    private static final double[] SQUARE = {10, 10, 42, 10, 42, 42, 10, 42};

    @Test
    void rasterize_integerSquare_coversItsPixels() {
        Rle mask = Polygons.rasterize(SQUARE, 80, 100);
        assertThat(mask.area()).isEqualTo(32 * 32);
        assertThat(mask.bbox()).containsExactly(10, 10, 32, 32);
    }

    @Test
    void rasterize_squareShiftedByFractions_movesOneRowDown() {
        // README example: +0.3 in x and +0.7 in y; pixel centres 10.5..41.5 stay inside in x,
        // 11.5..42.5 are inside in y
        double[] shifted = {10.3, 10.7, 42.3, 10.7, 42.3, 42.7, 10.3, 42.7};
        Rle mask = Polygons.rasterize(shifted, 80, 100);
        assertThat(mask.bbox()).containsExactly(10, 11, 32, 32);
        assertThat(mask.area()).isEqualTo(32 * 32);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void rasterize_integerRectangle_coversExactlyItsClippedPixels(@ForAll @IntRange(min = 1, max = 20) int h,
            @ForAll @IntRange(min = 1, max = 20) int w, @ForAll @IntRange(min = -3, max = 23) int xa,
            @ForAll @IntRange(min = -3, max = 23) int xb, @ForAll @IntRange(min = -3, max = 23) int ya,
            @ForAll @IntRange(min = -3, max = 23) int yb) {
        int x0 = Math.min(xa, xb);
        int x1 = Math.max(xa, xb);
        int y0 = Math.min(ya, yb);
        int y1 = Math.max(ya, yb);
        boolean[] expected = new boolean[h * w];
        for (int x = Math.max(x0, 0); x < Math.min(x1, w); x++) {
            for (int y = Math.max(y0, 0); y < Math.min(y1, h); y++) {
                expected[x * h + y] = true;
            }
        }
        Rle mask = Polygons.rasterize(new double[] {x0, y0, x1, y0, x1, y1, x0, y1}, h, w);
        assertThat(mask.toMask()).isEqualTo(expected);
        assertThat(Rle.fromBox(x0, y0, x1 - x0, y1 - y0, h, w)).isEqualTo(mask);
    }

    @Test
    void rasterize_reversedVertexOrder_givesSameMask() {
        double[] reversed = {10, 42, 42, 42, 42, 10, 10, 10};
        assertThat(Polygons.rasterize(reversed, 80, 100)).isEqualTo(Polygons.rasterize(SQUARE, 80, 100));
    }

    @Test
    void rasterize_repeatedClosingVertex_givesSameMask() {
        // the zero-length closing edge makes the C slope 0/0 (NaN); its point never becomes a boundary
        double[] closed = {10, 10, 42, 10, 42, 42, 10, 42, 10, 10};
        assertThat(Polygons.rasterize(closed, 80, 100)).isEqualTo(Polygons.rasterize(SQUARE, 80, 100));
    }

    @Test
    void rasterize_triangle_matchesPycocotoolsArea() {
        // annotation 5 of conformance case edge_segm_poly_rle_crowd: pycocotools area 693, bbox [11, 10, 39, 35]
        Rle mask = Polygons.rasterize(new double[] {10.5, 10.25, 50.75, 12.5, 30.1, 45.9}, 120, 160);
        assertThat(mask.area()).isEqualTo(693);
        assertThat(mask.bbox()).containsExactly(11, 10, 39, 35);
    }

    @Test
    void rasterize_imageWithoutPixels_isEmptyMask() {
        assertThat(Polygons.rasterize(SQUARE, 0, 100).counts()).containsExactly(0);
    }

    @Test
    void rasterizeAll_overlappingParts_isTheirUnion() {
        // two 4x4 squares sharing a 2x2 corner: 16 + 16 - 4 pixels
        double[] a = {0, 0, 4, 0, 4, 4, 0, 4};
        double[] b = {2, 2, 6, 2, 6, 6, 2, 6};
        Rle union = Polygons.rasterizeAll(List.of(a, b), 8, 8);
        assertThat(union.area()).isEqualTo(16 + 16 - 4);
        assertThat(union.bbox()).containsExactly(0, 0, 6, 6);
        assertThat(Polygons.rasterizeAll(List.of(a), 8, 8)).isEqualTo(Polygons.rasterize(a, 8, 8));
    }

    @Test
    void rasterize_fewerThanThreePoints_throws() {
        assertThatThrownBy(() -> Polygons.rasterize(new double[] {1, 1, 5, 5}, 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("polygon has 2 points (4 coordinates), at least 3 needed");
    }

    @Test
    void rasterize_oddNumberOfCoordinates_throws() {
        assertThatThrownBy(() -> Polygons.rasterize(new double[] {1, 1, 5, 5, 9, 1, 3}, 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("polygon has an odd number of coordinates (7)");
    }

    @Test
    void rasterize_nanCoordinate_throws() {
        assertThatThrownBy(() -> Polygons.rasterize(new double[] {1, 1, 5, Double.NaN, 9, 1}, 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coordinate 3 is NaN");
    }

    @Test
    void rasterizeAll_badPart_namesIt() {
        assertThatThrownBy(() -> Polygons.rasterizeAll(List.of(SQUARE, new double[] {1, 2}), 80, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("polygon part 1: polygon has 1 points");
        assertThatThrownBy(() -> Polygons.rasterizeAll(List.of(), 80, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parts");
    }

    @Test
    void isBoxShaped_fourNumbers_isTrue() {
        assertThat(Polygons.isBoxShaped(new double[] {1, 2, 3, 4})).isTrue();
        assertThat(Polygons.isBoxShaped(SQUARE)).isFalse();
    }
}
