package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * Hinge loss {@code max(0, 1 - z)} with margin {@code z = t·p}, summed per sample, averaged over the batch.
 *
 * <p>Shapes: labels t in {-1, +1} and scores p {@code (N, ...)}, same shape; returns a scalar. Gradient
 * {@code -t / N} where {@code z < 1}, else 0 (0 at the kink {@code z = 1}).
 *
 * <p>Relation to DJL: {@code Loss.hingeLoss()} also takes labels in {-1, +1} (0/1 labels there silently
 * give a wrong loss) and averages over all elements; with one element per sample it is equal.
 */
public final class HingeLoss extends Loss {

    /** The loss, named "Hinge". */
    public HingeLoss() {
        super("Hinge");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.singletonOrThrow().mul(labels.singletonOrThrow());
        return BatchReduction.sumPerSampleThenMean(z.neg().add(1f).maximum(EngineScalar.of(z, 0)));
    }
}
