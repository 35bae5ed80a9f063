package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The workshop's margin loss {@code |1 - z|} with {@code z = t·p}: unlike the hinge it also punishes
 * scores beyond the margin. Summed per sample, averaged over the batch.
 *
 * <p>Shapes: labels t in {-1, +1} and scores p {@code (N, ...)}; returns a scalar. Gradient
 * {@code -t · sign(1 - z) / N} (0 at {@code z = 1}).
 */
public final class AbsoluteMarginLoss extends Loss {

    /** The loss, named "AbsoluteMargin". */
    public AbsoluteMarginLoss() {
        super("AbsoluteMargin");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray z = predictions.singletonOrThrow().mul(labels.singletonOrThrow());
        return BatchReduction.sumPerSampleThenMean(z.neg().add(1f).abs());
    }
}
