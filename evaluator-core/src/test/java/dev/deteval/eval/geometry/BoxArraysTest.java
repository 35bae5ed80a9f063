package dev.deteval.eval.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class BoxArraysTest {

    // one box, 10 wide and 4 high, left edge 2, top edge 3, in each format
    private static final double[] XYXY = {2, 3, 12, 7};
    private static final double[] XYWH = {2, 3, 10, 4};
    private static final double[] CXCYWH = {2 + 10 / 2.0, 3 + 4 / 2.0, 10, 4};

    @Test
    void convert_everyPair_matchesHandComputedBox() {
        double[][] byFormat = {XYXY, XYWH, CXCYWH};
        BoxFormat[] formats = {BoxFormat.XYXY, BoxFormat.XYWH, BoxFormat.CXCYWH};
        for (int from = 0; from < 3; from++) {
            for (int to = 0; to < 3; to++) {
                assertThat(BoxArrays.convert(byFormat[from], formats[from], formats[to]))
                        .as("%s -> %s", formats[from], formats[to]).containsExactly(byFormat[to]);
            }
        }
    }

    @Test
    void convert_sameFormat_returnsCopy() {
        double[] out = BoxArrays.convert(XYXY, BoxFormat.XYXY, BoxFormat.XYXY);
        assertThat(out).isNotSameAs(XYXY).containsExactly(XYXY);
    }

    @Test
    void convert_lengthNotMultipleOfFour_throws() {
        assertThatThrownBy(() -> BoxArrays.convert(new double[5], BoxFormat.XYXY, BoxFormat.XYWH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 5");
    }

    @Property(tries = 500)
    void convert_roundTrip_isCloseToInput(@ForAll("xywhBoxes") double[] xywh) {
        for (BoxFormat via : BoxFormat.values()) {
            double[] back = BoxArrays.convert(BoxArrays.convert(xywh, BoxFormat.XYWH, via), via, BoxFormat.XYWH);
            for (int k = 0; k < xywh.length; k++) {
                assertThat(back[k]).isCloseTo(xywh[k], within(1e-9));
            }
        }
    }

    @Test
    void normalize_pixelBox_dividesByImageSize() {
        double[] n = BoxArrays.normalize(XYWH, 20, 8);
        assertThat(n).containsExactly(2.0 / 20, 3.0 / 8, 10.0 / 20, 4.0 / 8);
        assertThat(BoxArrays.denormalize(n, 20, 8)).containsExactly(XYWH);
    }

    @Test
    void normalize_zeroImageWidth_throws() {
        assertThatThrownBy(() -> BoxArrays.normalize(XYWH, 0, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void clip_boxCrossingBorder_isCutAtImageEdge() {
        // [-5, 3, 12, 7] in a 10 x 6 image: left edge to 0, right edge to 10, bottom to 6
        double[] clipped = BoxArrays.clip(new double[] {-5, 3, 12, 7}, BoxFormat.XYXY, 10, 6);
        assertThat(clipped).containsExactly(0, 3, 10, 6);
        assertThat(BoxArrays.clip(new double[] {-5, 3, 17, 4}, BoxFormat.XYWH, 10, 6)).containsExactly(0, 3, 10, 3);
        assertThat(BoxArrays.clip(new double[] {3.5, 5, 17, 4}, BoxFormat.CXCYWH, 10, 6))
                .containsExactly(5, 4.5, 10, 3);
    }

    @Test
    void clip_boxOutsideImage_becomesEmptyOnBorder() {
        assertThat(BoxArrays.clip(new double[] {20, 1, 30, 2}, BoxFormat.XYXY, 10, 6)).containsExactly(10, 1, 10, 2);
    }

    @Test
    void toBoxes_fromBoxes_roundTrip() {
        List<Box> boxes = BoxArrays.toBoxes(XYWH, BoxFormat.XYWH);
        assertThat(boxes).containsExactly(new Box(2, 3, 12, 7));
        assertThat(BoxArrays.fromBoxes(boxes, BoxFormat.CXCYWH)).containsExactly(CXCYWH);
    }

    @Test
    void box_clipNormalizeDenormalize_matchArrayVersions() {
        Box box = new Box(-5, 3, 12, 7);
        assertThat(box.clip(10, 6)).isEqualTo(new Box(0, 3, 10, 6));
        assertThat(box.normalize(20, 8)).isEqualTo(new Box(-5.0 / 20, 3.0 / 8, 12.0 / 20, 7.0 / 8));
        assertThat(box.normalize(20, 8).denormalize(20, 8)).isEqualTo(box);
        assertThat(box.centerX()).isEqualTo((-5 + 12) / 2.0);
        assertThat(box.centerY()).isEqualTo((3 + 7) / 2.0);
    }

    @Provide
    Arbitrary<double[]> xywhBoxes() {
        return Arbitraries.doubles().between(0, 1000).array(double[].class).ofSize(8);
    }
}
