package dev.deteval.eval.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class IouTest {

    /** The kernel's arithmetic as its Javadoc states it, with Math.min and Math.max. */
    private static double reference(double ax1, double ay1, double ax2, double ay2, double areaA, double bx1,
            double by1, double bx2, double by2, double areaB, boolean crowd) {
        double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        if (iw <= 0) {
            return 0;
        }
        double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (ih <= 0) {
            return 0;
        }
        double i = iw * ih;
        return i / (crowd ? areaA : areaA + areaB - i);
    }

    @Test
    void edges_anyInputSpecialValuesIncluded_bitForBitAsMathMinMax() {
        double[] special = {0.0, -0.0, 1.0, -1.0, 0.5, 1e-300, Double.MIN_VALUE, 1e308, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Random r = new Random(7);
        double[] v = new double[10];
        for (int trial = 0; trial < 400_000; trial++) {
            for (int k = 0; k < v.length; k++) {
                // mostly overlapping or touching boxes on a small grid, so ties and zeros come up often
                v[k] = r.nextInt(8) == 0 ? special[r.nextInt(special.length)] : r.nextInt(7) - 1 + (r.nextBoolean()
                        ? 0 : r.nextDouble());
            }
            boolean crowd = r.nextBoolean();
            double expected = reference(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], crowd);
            double actual = Iou.edges(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], crowd);
            assertThat(Double.doubleToLongBits(actual)).as(java.util.Arrays.toString(v) + " crowd " + crowd)
                    .isEqualTo(Double.doubleToLongBits(expected));
        }
    }

    @Test
    void xywh_halfOverlap_isIntersectionOverUnion() {
        // [0,0,10,10] and [5,0,10,10]: intersection 5*10, union 100 + 100 - 50
        assertThat(Iou.xywh(0, 0, 10, 10, 5, 0, 10, 10, false)).isEqualTo(50.0 / 150.0);
    }

    @Test
    void xywh_crowdRegion_usesDetectionAreaAsUnion() {
        // detection [0,0,10,10] inside crowd region [0,0,100,100]: intersection 100 over detection area 100
        assertThat(Iou.xywh(0, 0, 10, 10, 0, 0, 100, 100, true)).isEqualTo(1.0);
        assertThat(Iou.xywh(0, 0, 10, 10, 0, 0, 100, 100, false)).isEqualTo(100.0 / 10000.0);
    }

    @Test
    void xywh_touchingOrZeroWidth_isZero() {
        assertThat(Iou.xywh(0, 0, 10, 10, 10, 0, 10, 10, false)).isZero();
        assertThat(Iou.xywh(0, 0, 0, 10, 0, 0, 10, 10, false)).isZero();
    }

    @Test
    void of_sameBoxInEveryFormat_givesSameIou() {
        double[] xyxyA = {10, 20, 50, 60};
        double[] xyxyB = {30, 30, 70, 90};
        double expected = Iou.of(BoxFormat.XYXY, xyxyA, xyxyB);
        // intersection [30,30]-[50,60] = 20*30; areas 40*40 and 40*60
        assertThat(expected).isEqualTo(600.0 / (1600.0 + 2400.0 - 600.0));
        assertThat(Iou.of(BoxFormat.XYWH, new double[] {10, 20, 40, 40}, new double[] {30, 30, 40, 60}))
                .isEqualTo(expected);
        assertThat(Iou.of(BoxFormat.CXCYWH, new double[] {30, 40, 40, 40}, new double[] {50, 60, 40, 60}))
                .isEqualTo(expected);
    }

    @Test
    void crowd_detectionPartlyOutside_isIntersectionOverDetectionArea() {
        Box detection = new Box(90, 0, 110, 10);
        Box crowd = new Box(0, 0, 100, 100);
        assertThat(Iou.crowd(detection, crowd)).isEqualTo(10.0 * 10 / (20.0 * 10));
    }

    @Test
    void box_negativeWidth_isRejected() {
        assertThatThrownBy(() -> new Box(10, 0, 5, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative width");
    }

    @Test
    void fromBox_roundTrip_keepsValues() {
        Box b = new Box(1, 2, 5, 10);
        assertThat(BoxFormat.XYWH.fromBox(b)).containsExactly(1, 2, 4, 8);
        assertThat(BoxFormat.CXCYWH.fromBox(b)).containsExactly(3, 6, 4, 8);
        assertThat(BoxFormat.CXCYWH.toBox(3, 6, 4, 8)).isEqualTo(b);
    }
}
