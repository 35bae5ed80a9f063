package dev.deteval.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.deteval.eval.geometry.Box;
import dev.deteval.runtime.data.Scene;
import dev.deteval.runtime.data.SceneObject;
import dev.deteval.runtime.data.ShapeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CenterTargetsIT {

    /** 4 classes on a 16 x 16 grid of 4-pixel cells. */
    private static final GridLayout LAYOUT = new GridLayout(4, 64, 64, 4);

    private static float at(float[] plane, int channel, int row, int col) {
        return plane[channel * 256 + row * 16 + col];
    }

    @Test
    void encode_oneEllipse_peakAtCentreCellGaussianAroundAndBoxAtNearbyInsideCells() {
        // box 20 x 12 px centred at (30, 22): centre cell col 7, row 5
        Box box = new Box(20, 16, 40, 28);
        Scene scene = new Scene(64, 64, 0, 1, List.of(new SceneObject(ShapeKind.ELLIPSE, box, 0.5, 0xFFFFFF)));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList targets = new CenterTargets(LAYOUT, 1).encode(manager, scene);
            float[] heat = targets.get(0).toFloatArray();
            float[] boxes = targets.get(1).toFloatArray();
            float[] mask = targets.get(2).toFloatArray();

            int ellipse = ShapeKind.ELLIPSE.ordinal();
            assertThat(at(heat, ellipse, 5, 7)).isEqualTo(1f);
            // σx = max(0.54·20/6, 1)/4 = 0.45 cells; one column away: exp(-1/(2·0.45²))
            double sx = Math.max(0.54 * 20 / 6, 0.25 * 4) / 4;
            assertThat((double) at(heat, ellipse, 5, 8)).isCloseTo(Math.exp(-1 / (2 * sx * sx)), within(1e-6));
            assertThat(at(heat, ShapeKind.RECTANGLE.ordinal(), 5, 7)).isZero();

            // cells within one of (5, 7) whose centre is inside the box: rows 4..6 (centres 18, 22, 26),
            // cols 6..8 (centres 26, 30, 34)
            assertThat(at(mask, 0, 5, 7)).isEqualTo(1f);
            assertThat(at(mask, 0, 4, 6)).isEqualTo(1f);
            assertThat(at(mask, 0, 6, 8)).isEqualTo(1f);
            assertThat(at(mask, 0, 3, 7)).isZero();
            assertThat(at(mask, 0, 5, 9)).isZero();
            float sum = 0;
            for (float m : mask) {
                sum += m;
            }
            assertThat(sum).isEqualTo(9f);
            assertThat(new float[] {at(boxes, 0, 4, 6), at(boxes, 1, 4, 6), at(boxes, 2, 4, 6), at(boxes, 3, 4, 6)})
                    .containsExactly(20f, 16f, 40f, 28f);
        }
    }

    @Test
    void encode_sharedCell_goesToTheSmallerBox() {
        Box big = new Box(0, 0, 40, 40);
        Box small = new Box(16, 16, 26, 26);
        Scene scene = new Scene(64, 64, 0, 1, List.of(new SceneObject(ShapeKind.RECTANGLE, big, 0.5, 1),
                new SceneObject(ShapeKind.CROSS, small, 0.5, 2)));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList targets = new CenterTargets(LAYOUT, 1).encode(manager, scene);
            float[] boxes = targets.get(1).toFloatArray();
            // the big box's centre cell (5, 5) is also inside the small box's 3 x 3 neighbourhood (centre (5, 5))
            assertThat(at(boxes, 2, 5, 5)).isEqualTo(26f);
        }
    }
}
