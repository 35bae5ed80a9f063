package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Absolute error (L1): {@code L = (1/N) Σ_i Σ_j |p_ij - t_ij|}.
 *
 * <p>Shapes: labels and predictions {@code (N, ...)}, same shape; returns a scalar. Gradient
 * {@code sign(p_ij - t_ij) / N}, taken as 0 where {@code p = t}.
 *
 * <p>Relation to DJL: {@code Loss.l1Loss()} averages {@code |t - p|} over all elements, so for D
 * elements per sample this loss equals {@code D · l1Loss}.
 */
public final class MeanAbsoluteErrorLoss extends Loss {

    /** The loss, named "MeanAbsoluteError". */
    public MeanAbsoluteErrorLoss() {
        super("MeanAbsoluteError");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray difference = predictions.singletonOrThrow().sub(labels.singletonOrThrow());
        return BatchReduction.sumPerSampleThenMean(difference.abs());
    }
}
