package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * Smooth L1 (Huber-like) loss with transition point β, per element of {@code d = p - t}:
 * {@code ½ d² / β} where {@code |d| < β}, else {@code |d| - ½ β}; summed per sample, averaged over the
 * batch. Quadratic near 0 (gradient {@code d / β}) and linear far away (gradient {@code sign(d)}), the
 * two pieces meeting with equal value and slope at {@code |d| = β}. Same definition as PyTorch's
 * {@code smooth_l1_loss(beta)}.
 *
 * <p>Shapes: labels and predictions {@code (N, ...)}, same shape; returns a scalar. DJL has no
 * built-in equivalent.
 */
public final class SmoothL1Loss extends Loss {

    private final float beta;

    /**
     * The loss with transition point β, named "SmoothL1".
     *
     * @param beta positive β (use {@link MeanAbsoluteErrorLoss} for β = 0)
     */
    public SmoothL1Loss(float beta) {
        super("SmoothL1");
        if (!(beta > 0f)) {
            throw new IllegalArgumentException("smooth L1 needs a positive beta, got " + beta);
        }
        this.beta = beta;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray absolute = predictions.singletonOrThrow().sub(labels.singletonOrThrow()).abs();
        NDArray quadratic = absolute.square().mul(EngineScalar.of(absolute, 0.5f / beta));
        NDArray linear = absolute.sub(0.5f * beta);
        NDArray terms = NDArrays.where(absolute.lt(beta), quadratic, linear);
        return BatchReduction.sumPerSampleThenMean(terms);
    }
}
