package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The exponential (AdaBoost) loss {@code exp(-z)} with {@code z = t·p}. Summed per sample, averaged over
 * the batch.
 *
 * <p>Shapes: labels t in {-1, +1} and scores p {@code (N, ...)}; returns a scalar. Gradient
 * {@code -t · exp(-z) / N}. It grows without bound for badly wrong scores, so keep scores moderate
 * (float32 overflows for {@code z < -88}).
 */
public final class ExponentialMarginLoss extends Loss {

    /** The loss, named "ExponentialMargin". */
    public ExponentialMarginLoss() {
        super("ExponentialMargin");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.singletonOrThrow().mul(labels.singletonOrThrow());
        return BatchReduction.sumPerSampleThenMean(z.neg().exp());
    }
}
