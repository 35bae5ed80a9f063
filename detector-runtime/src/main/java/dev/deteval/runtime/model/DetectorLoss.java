package dev.deteval.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.loss.CenterHeatmapLoss;
import dev.deteval.runtime.loss.GiouLoss;
import dev.deteval.runtime.loss.SmoothL1Loss;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * The detector's training loss, built from this module's losses:
 * <pre>
 *   L = CenterHeatmap(heat logits, heat target)
 *     + λ_giou · Giou(boxes at regressing cells)
 *     + λ_l1 · SmoothL1(box edges / stride at regressing cells)
 * </pre>
 * Labels are {@link CenterTargets}' {@code (heatmap, boxes, mask)} with a batch axis; the prediction is the
 * network output {@code (N, classes + 4, rows, cols)} of {@link GridLayout}. A cell's predicted box is
 * {@code [cx - s·e^a, cy - s·e^b, cx + s·e^c, cy + s·e^d]} for its four box channels {@code a..d} (clipped to
 * [-6, 4] before the exponential: 0.01 to 218 px at stride 4). GIoU gives every box size the same say and
 * still pulls boxes that do not overlap their target; smooth L1 on the edges in strides (β = 1/9, as Fast
 * R-CNN) adds a pixel-true pull that helps early, when GIoU's gradient is weak. A batch without objects
 * trains only the heatmap.
 */
public final class DetectorLoss extends Loss {

    private static final float MIN_LOG = -6f;
    private static final float MAX_LOG = 4f;

    private final GridLayout layout;
    private final float giouWeight;
    private final float l1Weight;
    private final CenterHeatmapLoss heatmap = new CenterHeatmapLoss(2f, 4f);
    private final GiouLoss giou = new GiouLoss();
    private final SmoothL1Loss smoothL1 = new SmoothL1Loss(1f / 9f);

    /**
     * @param layout the output grid
     * @param giouWeight λ_giou, not negative
     * @param l1Weight λ_l1, not negative
     */
    public DetectorLoss(GridLayout layout, float giouWeight, float l1Weight) {
        super("Detector");
        if (!(giouWeight >= 0f && l1Weight >= 0f)) {
            throw new IllegalArgumentException("loss weights must not be negative");
        }
        this.layout = layout;
        this.giouWeight = giouWeight;
        this.l1Weight = l1Weight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray output = predictions.singletonOrThrow();
        int classes = layout.classes();
        NDArray heatLogits = output.get(new NDIndex(":, 0:" + classes));
        NDArray loss = heatmap.evaluate(new NDList(labels.get(0)), new NDList(heatLogits));
        NDArray mask = labels.get(2).reshape(-1, 1).toType(DataType.BOOLEAN, false);
        if (!mask.any().getBoolean()) {
            return loss;
        }
        NDArray predicted = rows(boxes(output.get(new NDIndex(":, " + classes + ":"))), mask);
        NDArray target = rows(labels.get(1), mask);
        float scale = 1f / layout.stride();
        NDArray giouTerm = giou.evaluate(new NDList(target), new NDList(predicted))
                .mul(EngineScalar.of(predicted, giouWeight));
        NDArray l1Term = smoothL1.evaluate(new NDList(target.mul(EngineScalar.of(target, scale))),
                new NDList(predicted.mul(EngineScalar.of(predicted, scale)))).mul(EngineScalar.of(predicted, l1Weight));
        NDArray boxLoss = giouTerm.add(l1Term);
        return loss.add(boxLoss);
    }

    /**
     * Decodes the box channels into pixel edges at every cell.
     *
     * @param raw {@code (N, 4, rows, cols)} log-distances in strides
     * @return {@code (N, 4, rows, cols)}: x1, y1, x2, y2 in pixels
     */
    NDArray boxes(NDArray raw) {
        NDManager manager = raw.getManager();
        NDArray distance = raw.clip(MIN_LOG, MAX_LOG).exp().mul(EngineScalar.of(raw, layout.stride()));
        NDArray cx = manager.create(centres(true), new Shape(1, layout.rows(), layout.cols()));
        NDArray cy = manager.create(centres(false), new Shape(1, layout.rows(), layout.cols()));
        return NDArrays.concat(new NDList(cx.sub(distance.get(new NDIndex(":, 0:1"))),
                cy.sub(distance.get(new NDIndex(":, 1:2"))), cx.add(distance.get(new NDIndex(":, 2:3"))),
                cy.add(distance.get(new NDIndex(":, 3:4")))), 1);
    }

    private float[] centres(boolean horizontal) {
        float[] values = new float[layout.rows() * layout.cols()];
        for (int r = 0; r < layout.rows(); r++) {
            for (int c = 0; c < layout.cols(); c++) {
                values[r * layout.cols() + c] = horizontal ? layout.centerX(c) : layout.centerY(r);
            }
        }
        return values;
    }

    /**
     * {@code (N, 4, rows, cols)} to the {@code (K, 4)} rows of the cells where {@code mask} is set. The mask
     * is a column {@code (N·rows·cols, 1)} widened to the data's shape (DJL's PyTorch engine selects with a
     * mask of the data's shape and returns the selected values flattened).
     */
    private static NDArray rows(NDArray boxes, NDArray mask) {
        NDArray flat = boxes.transpose(0, 2, 3, 1).reshape(-1, 4);
        return flat.booleanMask(mask.broadcast(flat.getShape())).reshape(-1, 4);
    }
}
