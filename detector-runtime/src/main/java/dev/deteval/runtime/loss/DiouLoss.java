package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Distance-IoU box loss {@code 1 - DIoU(p_i, t_i)}, averaged over the N box pairs, with
 * {@code DIoU = IoU - ρ² / c²}: ρ the distance between the two centres and c the diagonal of the smallest
 * box enclosing both, as in evaluator-core's {@code IouVariant.DIOU} (Zheng et al., 2020).
 *
 * <p>Shapes: labels and predictions {@code (N, 4)} as edges {@code [x1, y1, x2, y2]}; returns a scalar in
 * [0, 2). Disjoint boxes get a gradient that pulls the centres together directly (GIoU's pulls through
 * the enclosing area, which grows slowly). Zero union or diagonal are treated as 1e-9 in the divisions.
 */
public final class DiouLoss extends Loss {

    /** The loss, named "Diou". */
    public DiouLoss() {
        super("Diou");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray value = BoxOverlap.of(predictions.singletonOrThrow(), labels.singletonOrThrow()).diou();
        return value.neg().add(1f).mean();
    }
}
