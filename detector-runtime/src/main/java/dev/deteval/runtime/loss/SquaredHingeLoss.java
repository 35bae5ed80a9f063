package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * Squared hinge loss {@code max(0, 1 - z)²} with {@code z = t·p}, summed per sample, averaged over the
 * batch.
 *
 * <p>Shapes: labels t in {-1, +1} and scores p {@code (N, ...)}; returns a scalar. Gradient
 * {@code -2 t max(0, 1 - z) / N}, continuous at {@code z = 1}. DJL has no built-in equivalent.
 */
public final class SquaredHingeLoss extends Loss {

    /** The loss, named "SquaredHinge". */
    public SquaredHingeLoss() {
        super("SquaredHinge");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.singletonOrThrow().mul(labels.singletonOrThrow());
        return BatchReduction.sumPerSampleThenMean(z.neg().add(1f).maximum(EngineScalar.of(z, 0)).square());
    }
}
