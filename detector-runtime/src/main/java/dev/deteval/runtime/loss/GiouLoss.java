package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Generalised-IoU box loss {@code 1 - GIoU(p_i, t_i)}, averaged over the N box pairs, with
 * {@code GIoU = IoU - (C - U) / C} (C the area of the smallest box enclosing both), as in
 * evaluator-core's {@code IouVariant.GIOU}.
 *
 * <p>Shapes: labels and predictions {@code (N, 4)} as edges {@code [x1, y1, x2, y2]}; returns a scalar
 * in [0, 2). Unlike {@link IouLoss} it still has a gradient for disjoint boxes: the enclosing-box term
 * pulls them together. Zero union or enclosing areas are treated as 1e-9 in the divisions.
 */
public final class GiouLoss extends Loss {

    /** The loss, named "Giou". */
    public GiouLoss() {
        super("Giou");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray giou = BoxOverlap.of(predictions.singletonOrThrow(), labels.singletonOrThrow()).giou();
        return giou.neg().add(1f).mean();
    }
}
