package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * IoU box loss {@code 1 - IoU(p_i, t_i)}, averaged over the N box pairs.
 *
 * <p>Shapes: labels and predictions {@code (N, 4)}, boxes as edges {@code [x1, y1, x2, y2]} in
 * continuous coordinates (no +1 pixel convention), {@code x2 >= x1} and {@code y2 >= y1}; returns a
 * scalar in [0, 1]. IoU is {@code I / U} as in evaluator-core's {@code IouVariant.IOU}, with a union of 0
 * treated as 1e-9 (so two empty boxes give IoU 0). Disjoint boxes give loss 1 and zero gradient, which is
 * why {@link GiouLoss} exists.
 */
public final class IouLoss extends Loss {

    /** The loss, named "Iou". */
    public IouLoss() {
        super("Iou");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray iou = BoxOverlap.of(predictions.singletonOrThrow(), labels.singletonOrThrow()).iou();
        return iou.neg().add(1f).mean();
    }
}
