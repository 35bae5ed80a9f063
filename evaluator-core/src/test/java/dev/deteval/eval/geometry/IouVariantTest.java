package dev.deteval.eval.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class IouVariantTest {

    private static final double EPS = 1e-15;

    // A = [0,0,2,2], B = [1,1,3,3]: I = 1, U = 4 + 4 - 1 = 7, C = [0,0,3,3] (area 9, diagonal² 18),
    // centres (1,1) and (2,2) so rho² = 2, equal aspect ratios so v = 0.
    private static final Box A = new Box(0, 0, 2, 2);
    private static final Box B = new Box(1, 1, 3, 3);

    @Test
    void of_overlappingSquares_matchesHandComputedValues() {
        assertThat(IouVariant.IOU.of(A, B)).isCloseTo(1.0 / 7, within(EPS));
        assertThat(IouVariant.GIOU.of(A, B)).isCloseTo(1.0 / 7 - (9.0 - 7) / 9, within(EPS));
        assertThat(IouVariant.DIOU.of(A, B)).isCloseTo(1.0 / 7 - 2.0 / 18, within(EPS));
        assertThat(IouVariant.CIOU.of(A, B)).isCloseTo(1.0 / 7 - 2.0 / 18, within(EPS));
    }

    @Test
    void of_crossedRectangles_includesAspectRatioTerm() {
        // A = [0,0,2,1] (2 wide, 1 high), B = [0,0,1,2]: I = 1, U = 2 + 2 - 1 = 3, C = [0,0,2,2]
        // (area 4, diagonal² 8), centres (1, 0.5) and (0.5, 1) so rho² = 0.25 + 0.25.
        Box a = new Box(0, 0, 2, 1);
        Box b = new Box(0, 0, 1, 2);
        double iou = 1.0 / 3;
        double diou = iou - 0.5 / 8;
        double angle = Math.atan(1.0 / 2) - Math.atan(2.0 / 1);
        double v = 4 / (Math.PI * Math.PI) * angle * angle;
        double alpha = v / (1 - iou + v);
        assertThat(IouVariant.IOU.of(a, b)).isCloseTo(iou, within(EPS));
        assertThat(IouVariant.GIOU.of(a, b)).isCloseTo(iou - (4.0 - 3) / 4, within(EPS));
        assertThat(IouVariant.DIOU.of(a, b)).isCloseTo(diou, within(EPS));
        assertThat(IouVariant.CIOU.of(a, b)).isCloseTo(diou - alpha * v, within(EPS));
    }

    @Test
    void of_disjointBoxes_penalisesDistance() {
        // A = [0,0,1,1], B = [2,0,3,1]: I = 0, U = 2, C = [0,0,3,1] (area 3, diagonal² 9 + 1),
        // centres (0.5, 0.5) and (2.5, 0.5) so rho² = 4.
        Box a = new Box(0, 0, 1, 1);
        Box b = new Box(2, 0, 3, 1);
        assertThat(IouVariant.IOU.of(a, b)).isZero();
        assertThat(IouVariant.GIOU.of(a, b)).isCloseTo(0 - (3.0 - 2) / 3, within(EPS));
        assertThat(IouVariant.DIOU.of(a, b)).isCloseTo(0 - 4.0 / 10, within(EPS));
        assertThat(IouVariant.CIOU.of(a, b)).isCloseTo(0 - 4.0 / 10, within(EPS));
    }

    @Test
    void of_equalPoints_isZeroWithoutNan() {
        Box p = new Box(3, 4, 3, 4);
        for (IouVariant variant : IouVariant.values()) {
            assertThat(variant.of(p, p)).as("%s", variant).isZero();
        }
    }

    @Test
    void of_zeroAreaBoxesApart_giouReachesMinusOne() {
        // two points: U = 0 so IoU = 0, C = [0,0,1,1] (area 1) so GIoU = 0 - (1 - 0) / 1
        assertThat(IouVariant.GIOU.of(new Box(0, 0, 0, 0), new Box(1, 1, 1, 1))).isEqualTo(-1.0);
    }

    @Test
    void elementwise_pairsByPosition_matchesOf() {
        double[] a = {0, 0, 2, 2, 0, 0, 2, 1};
        double[] b = {1, 1, 3, 3, 0, 0, 1, 2};
        double[] out = IouVariant.CIOU.elementwise(a, b, BoxFormat.XYXY);
        assertThat(out).containsExactly(IouVariant.CIOU.of(A, B),
                IouVariant.CIOU.of(new Box(0, 0, 2, 1), new Box(0, 0, 1, 2)));
    }

    @Test
    void elementwise_differentCounts_throws() {
        assertThatThrownBy(() -> IouVariant.IOU.elementwise(new double[4], new double[8], BoxFormat.XYXY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 and 2");
    }

    @Test
    void pairwise_xywhInput_isRowMajorMatrix() {
        // in [x, y, w, h]: A, B, and [0,0,2,1]; against B and [0,0,1,2]
        double[] a = {0, 0, 2, 2, 1, 1, 2, 2, 0, 0, 2, 1};
        double[] b = {1, 1, 2, 2, 0, 0, 1, 2};
        double[] m = IouVariant.GIOU.pairwise(a, b, BoxFormat.XYWH);
        assertThat(m).hasSize(3 * 2);
        assertThat(m[0 * 2 + 0]).isCloseTo(1.0 / 7 - 2.0 / 9, within(EPS));
        assertThat(m[1 * 2 + 0]).isEqualTo(1.0);
        assertThat(m[2 * 2 + 1]).isCloseTo(1.0 / 3 - 1.0 / 4, within(EPS));
    }

    @Test
    void pairwise_emptySide_isEmpty() {
        assertThat(IouVariant.IOU.pairwise(new double[0], new double[] {0, 0, 1, 1}, BoxFormat.XYXY)).isEmpty();
    }

    @Test
    void iou_agreesWithCocoIou_onPixelBoxes() {
        assertThat(IouVariant.IOU.of(A, B)).isEqualTo(Iou.of(A, B));
    }

    @Property(tries = 2000)
    void of_anyBoxes_staysWithinKnownBounds(@ForAll("boxes") Box a, @ForAll("boxes") Box b) {
        double iou = IouVariant.IOU.of(a, b);
        double giou = IouVariant.GIOU.of(a, b);
        double diou = IouVariant.DIOU.of(a, b);
        double ciou = IouVariant.CIOU.of(a, b);
        assertThat(iou).isBetween(0.0, 1.0);
        assertThat(giou).isGreaterThan(-1.0).isLessThanOrEqualTo(1.0);
        // GIoU <= IoU up to rounding: for nested boxes U and |C| are equal but rounded separately
        assertThat(giou).isLessThanOrEqualTo(iou + 1e-15);
        assertThat(diou).isGreaterThan(-1.0).isLessThanOrEqualTo(1.0).isLessThanOrEqualTo(iou);
        assertThat(ciou).isLessThanOrEqualTo(diou);
        // CIoU > -1.5: with u = 1 - IoU in [0, 1] and v in [0, 1) for positive areas, DIoU > -u and
        // alpha * v = v² / (u + v), so CIoU > -(u + v² / (u + v)) >= -(1 + v² / (1 + v)) > -(1 + 1/2)
        assertThat(ciou).isGreaterThan(-1.5);
    }

    @Property(tries = 2000)
    void of_swappedArguments_isSymmetric(@ForAll("boxes") Box a, @ForAll("boxes") Box b) {
        for (IouVariant variant : IouVariant.values()) {
            assertThat(variant.of(a, b)).as("%s", variant).isEqualTo(variant.of(b, a));
        }
    }

    @Property(tries = 1000)
    void of_equalBoxes_isOne(@ForAll("boxes") Box a) {
        for (IouVariant variant : IouVariant.values()) {
            assertThat(variant.of(a, a)).as("%s", variant).isEqualTo(1.0);
        }
    }

    @Property(tries = 300)
    void of_anyBoxesIncludingDegenerate_staysWithinClosedBounds(@ForAll("degenerateBoxes") Box a,
            @ForAll("degenerateBoxes") Box b) {
        for (IouVariant variant : IouVariant.values()) {
            assertThat(variant.of(a, b)).as("%s", variant).isBetween(-2.0, 1.0);
        }
        assertThat(IouVariant.GIOU.of(a, b)).isGreaterThanOrEqualTo(-1.0);
        assertThat(IouVariant.DIOU.of(a, b)).isGreaterThanOrEqualTo(-1.0);
        // as for positive areas, with v = 1 now possible (a zero height against a zero width)
        assertThat(IouVariant.CIOU.of(a, b)).isGreaterThanOrEqualTo(-1.5);
    }

    @Provide
    Arbitrary<Box> boxes() {
        Arbitrary<Double> corner = Arbitraries.doubles().between(0, 1000);
        Arbitrary<Double> size = Arbitraries.doubles().between(0.5, 300);
        return Combinators.combine(corner, corner, size, size).as(Box::ofXywh);
    }

    @Provide
    Arbitrary<Box> degenerateBoxes() {
        Arbitrary<Double> corner = Arbitraries.integers().between(0, 6).map(Integer::doubleValue);
        Arbitrary<Double> size = Arbitraries.integers().between(0, 3).map(Integer::doubleValue);
        return Combinators.combine(corner, corner, size, size).as(Box::ofXywh);
    }
}
