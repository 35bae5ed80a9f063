package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Squared error (L2): {@code L = (1/N) Σ_i Σ_j (p_ij - t_ij)²}, summed over each sample's elements and
 * averaged over the batch.
 *
 * <p>Shapes: labels t and predictions p {@code (N, ...)}, same shape; returns a scalar. Gradient
 * {@code dL/dp_ij = 2 (p_ij - t_ij) / N}.
 *
 * <p>Relation to DJL: {@code Loss.l2Loss()} is {@code mean over all elements of ½ (t - p)²}, so for D
 * elements per sample this loss equals {@code 2 · D · l2Loss}.
 */
public final class MeanSquaredErrorLoss extends Loss {

    /** The loss, named "MeanSquaredError". */
    public MeanSquaredErrorLoss() {
        super("MeanSquaredError");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray difference = predictions.singletonOrThrow().sub(labels.singletonOrThrow());
        return BatchReduction.sumPerSampleThenMean(difference.square());
    }
}
