package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * Hamming loss: the fraction of a sample's elements whose thresholded prediction disagrees with the
 * label, {@code d_i = (1/D) Σ_j [ (p_ij > θ) ≠ (t_ij > 0.5) ]}, averaged over the batch. For one-hot
 * labels and θ = 0.5 on two classes it is the classification error.
 *
 * <p>Shapes: labels in {0, 1} and predictions {@code (N, ...)}, same shape; returns a scalar in [0, 1].
 *
 * <p>Gradient: the loss is piecewise constant in p, so its gradient is 0 almost everywhere (and
 * undefined on the threshold). It measures, it cannot teach: a network trained on it alone never moves.
 * The value is tied to the predictions through a {@code 0 · p} term so that a backward pass runs and
 * yields exactly that zero gradient instead of failing.
 */
public final class HammingLoss extends Loss {

    private final float threshold;

    /** The loss with threshold θ = 0.5, named "Hamming". */
    public HammingLoss() {
        this(0.5f);
    }

    /**
     * The loss with a threshold, named "Hamming".
     *
     * @param threshold θ: a prediction counts as 1 when strictly above it
     */
    public HammingLoss(float threshold) {
        super("Hamming");
        this.threshold = threshold;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray prediction = predictions.singletonOrThrow();
        NDArray predicted = prediction.gt(threshold);
        NDArray actual = labels.singletonOrThrow().gt(0.5f);
        NDArray disagreement = predicted.neq(actual).toType(DataType.FLOAT32, false);
        NDArray tied = disagreement.add(prediction.mul(EngineScalar.of(prediction, 0)));
        return BatchReduction.rows(tied).mean(new int[] {1}).mean();
    }
}
