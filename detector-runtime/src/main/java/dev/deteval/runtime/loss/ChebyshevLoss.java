package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Chebyshev distance per sample, {@code d_i = max_j |p_ij - t_ij|}, averaged over the batch.
 *
 * <p>Shapes: labels and predictions {@code (N, ...)}, same shape; returns a scalar. Gradient
 * {@code sign(p_ij - t_ij) / N} on the element that attains the maximum and 0 elsewhere; when several
 * elements tie, the PyTorch engine shares the gradient equally between them.
 */
public final class ChebyshevLoss extends Loss {

    /** The loss, named "Chebyshev". */
    public ChebyshevLoss() {
        super("Chebyshev");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray difference = predictions.singletonOrThrow().sub(labels.singletonOrThrow());
        return BatchReduction.rows(difference.abs()).max(new int[] {1}).mean();
    }
}
