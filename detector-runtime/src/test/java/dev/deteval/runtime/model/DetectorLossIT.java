package dev.deteval.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.deteval.eval.geometry.Box;
import dev.deteval.runtime.data.Scene;
import dev.deteval.runtime.data.SceneObject;
import dev.deteval.runtime.data.ShapeKind;
import dev.deteval.runtime.loss.CenterHeatmapLoss;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DetectorLossIT {

    private static final GridLayout LAYOUT = new GridLayout(4, 64, 64, 4);

    /** Labels of one scene with a batch axis. */
    private static NDList labels(NDManager manager, Scene scene) {
        NDList one = new CenterTargets(LAYOUT, 1).encode(manager, scene);
        return new NDList(one.get(0).expandDims(0), one.get(1).expandDims(0), one.get(2).expandDims(0));
    }

    /** An output whose box channels give exactly {@code box} at every cell (in log-distances). */
    private static NDArray exactBoxes(NDManager manager, Box box) {
        float[] raw = new float[4 * 256];
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                float cx = LAYOUT.centerX(c);
                float cy = LAYOUT.centerY(r);
                double[] d = {cx - box.x1(), cy - box.y1(), box.x2() - cx, box.y2() - cy};
                for (int k = 0; k < 4; k++) {
                    raw[k * 256 + r * 16 + c] = (float) Math.log(Math.max(d[k], 1e-3) / 4);
                }
            }
        }
        return manager.create(raw, new Shape(1, 4, 16, 16));
    }

    @Test
    void evaluate_exactBoxes_onlyTheHeatmapTermRemains() {
        Box box = new Box(20, 16, 40, 28);
        Scene scene = new Scene(64, 64, 0, 1, List.of(new SceneObject(ShapeKind.TRIANGLE, box, 0.3, 1)));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList labels = labels(manager, scene);
            NDArray heat = manager.randomNormal(new Shape(1, 4, 16, 16));
            NDArray output = NDArrays.concat(new NDList(heat, exactBoxes(manager, box)), 1);

            float total = new DetectorLoss(LAYOUT, 2f, 0.5f).evaluate(labels, new NDList(output)).getFloat();
            float heatOnly = new CenterHeatmapLoss(2f, 4f).evaluate(new NDList(labels.get(0)), new NDList(heat))
                    .getFloat();
            // float32 round trip of log and exp on pixel distances up to 20 leaves about 1e-5 of GIoU and L1
            assertThat((double) total).isCloseTo(heatOnly, within(1e-4));
        }
    }

    @Test
    void evaluate_boxesTooSmall_addsGiouAndL1OfTheRegressingCells() {
        Box box = new Box(20, 16, 40, 28);
        Scene scene = new Scene(64, 64, 0, 1, List.of(new SceneObject(ShapeKind.TRIANGLE, box, 0.3, 1)));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList labels = labels(manager, scene);
            NDArray heat = manager.zeros(new Shape(1, 4, 16, 16));
            // every distance 4·e^0 = 4 px: each predicted box is 8 x 8 around its cell centre
            NDArray output = NDArrays.concat(new NDList(heat, manager.zeros(new Shape(1, 4, 16, 16))),
                    1);
            float total = new DetectorLoss(LAYOUT, 1f, 0f).evaluate(labels, new NDList(output)).getFloat();
            float heatOnly = new CenterHeatmapLoss(2f, 4f).evaluate(new NDList(labels.get(0)), new NDList(heat))
                    .getFloat();

            // regressing cells: rows with centres y = 18, 22, 26 times columns x = 26, 30, 34; each predicts
            // [x - 4, y - 4, x + 4, y + 4] against [20, 16, 40, 28]. Horizontally always inside (8 of 20 px).
            // y = 22: I = 8·8, U = 240, C = 240. y = 18 or 26: I = 8·6, U = 64 + 240 - 48, C = 20·14.
            double middle = 1 - 64.0 / 240;
            double edge = 1 - (48.0 / 256 - (280.0 - 256) / 280);
            assertThat((double) (total - heatOnly)).isCloseTo((3 * middle + 6 * edge) / 9, within(1e-5));
            assertThat(labels.get(2).get(new NDIndex("0, 0, 5, 7")).getFloat()).isEqualTo(1f);
        }
    }

    @Test
    void evaluate_noObjects_isTheHeatmapLoss() {
        Scene scene = new Scene(64, 64, 0, 1, List.of());
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList labels = labels(manager, scene);
            NDArray output = manager.randomNormal(new Shape(1, 8, 16, 16));
            float total = new DetectorLoss(LAYOUT, 2f, 0.5f).evaluate(labels, new NDList(output)).getFloat();
            float heatOnly = new CenterHeatmapLoss(2f, 4f).evaluate(new NDList(labels.get(0)),
                    new NDList(output.get(new NDIndex(":, 0:4")))).getFloat();
            assertThat(total).isEqualTo(heatOnly);
        }
    }
}
