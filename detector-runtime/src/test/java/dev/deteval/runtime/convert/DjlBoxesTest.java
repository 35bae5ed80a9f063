package dev.deteval.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.modality.cv.output.DetectedObjects;
import ai.djl.modality.cv.output.Rectangle;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.geometry.Box;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DjlBoxesTest {

    /** Scaling by 64 and 32 is exact in binary floating point, so round trips compare exactly. */
    private static final int W = 64;
    private static final int H = 32;

    @Test
    void toNormalised_pixelBox_isFractionsOfImageSize() {
        Rectangle r = DjlBoxes.toNormalised(new Box(8, 4, 24, 20), W, H);
        assertThat(r.getX()).isEqualTo(8.0 / 64);
        assertThat(r.getY()).isEqualTo(4.0 / 32);
        assertThat(r.getWidth()).isEqualTo((24 - 8) / 64.0);
        assertThat(r.getHeight()).isEqualTo((20 - 4) / 32.0);
    }

    @Test
    void toPixels_normalisedRectangle_scalesWithoutPlusOne() {
        Box box = DjlBoxes.toPixels(new Rectangle(0.25, 0.5, 0.5, 0.25), W, H);
        assertThat(box).isEqualTo(new Box(0.25 * 64, 0.5 * 32, 0.75 * 64, 0.75 * 32));
        assertThat(box.width()).isEqualTo(0.5 * 64);
    }

    @Test
    void toPixels_afterToNormalised_givesTheBoxBack() {
        Box box = new Box(3, 5, 17, 29);
        assertThat(DjlBoxes.toPixels(DjlBoxes.toNormalised(box, W, H), W, H)).isEqualTo(box);
    }

    @Test
    void toNormalisedEdges_box_isFloatEdgesOverSize() {
        assertThat(DjlBoxes.toNormalisedEdges(new Box(8, 4, 24, 20), W, H))
                .containsExactly(8f / 64, 4f / 32, 24f / 64, 20f / 32);
    }

    @Test
    void addTo_detectedObjects_becomePixelRowsWithCategoryIds() {
        DetectedObjects objects = DjlBoxes.toDetectedObjects(List.of("ellipse", "cross"), List.of(0.9, 0.4),
                List.of(new Box(8, 4, 24, 20), new Box(0, 0, 64, 32)), W, H);
        Detections.Builder builder = Detections.builder();
        DjlBoxes.addTo(builder, 7, objects, W, H, Map.of("ellipse", 2L, "cross", 4L)::get);
        Detections d = builder.build();

        assertThat(d.imageIdColumn()).containsExactly(7, 7);
        assertThat(d.categoryIdColumn()).containsExactly(2, 4);
        assertThat(d.boxColumn()).containsExactly(new double[] {8, 4, 24 - 8, 20 - 4, 0, 0, 64, 32}, within(1e-12));
        assertThat(d.scoreColumn()).containsExactly(0.9, 0.4);
    }
}
