package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Complete-IoU box loss {@code 1 - CIoU(p_i, t_i)}, averaged over the N box pairs, with
 * {@code CIoU = DIoU - α·v}: v = (4/π²)(atan2(w_t, h_t) - atan2(w_p, h_p))² measures the aspect-ratio gap
 * and α = v / ((1 - IoU) + v) weights it, as in evaluator-core's {@code IouVariant.CIOU} (Zheng et al.,
 * 2020). α is held constant in the backward pass, as the paper prescribes.
 *
 * <p>Shapes: labels and predictions {@code (N, 4)} as edges {@code [x1, y1, x2, y2]}; returns a scalar in
 * [0, 2.5). Zero denominators are treated as 1e-9.
 */
public final class CiouLoss extends Loss {

    /** The loss, named "Ciou". */
    public CiouLoss() {
        super("Ciou");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray value = BoxOverlap.of(predictions.singletonOrThrow(), labels.singletonOrThrow()).ciou();
        return value.neg().add(1f).mean();
    }
}
