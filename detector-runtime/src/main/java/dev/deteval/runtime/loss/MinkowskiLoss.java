package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * Minkowski distance of order q between prediction and label, per sample:
 * {@code d_i = (Σ_j |p_ij - t_ij|^q)^(1/q)}, averaged over the batch. q = 1 is the Manhattan distance
 * (the L1 loss), q = 2 the Euclidean distance (not squared), and q → ∞ approaches {@link ChebyshevLoss}.
 *
 * <p>Shapes: labels and predictions {@code (N, ...)}, same shape; returns a scalar. Gradient
 * {@code dL/dp_ij = sign(p_ij - t_ij) |p_ij - t_ij|^(q-1) d_i^(1-q) / N}. It is undefined (NaN) for a
 * sample whose prediction equals its label exactly when q > 1, where the distance has a cusp.
 */
public final class MinkowskiLoss extends Loss {

    private final float q;

    /**
     * The loss of order {@code q}, named "Minkowski".
     *
     * @param q order, at least 1 (below 1 it is not a distance)
     */
    public MinkowskiLoss(float q) {
        super("Minkowski");
        if (!(q >= 1f) || Float.isInfinite(q)) {
            throw new IllegalArgumentException("Minkowski order q must be finite and at least 1, got " + q);
        }
        this.q = q;
    }

    /** The order q. */
    public float q() {
        return q;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray difference = predictions.singletonOrThrow().sub(labels.singletonOrThrow());
        NDArray rows = BatchReduction.rows(difference.abs().pow(EngineScalar.of(difference, q)));
        return rows.sum(new int[] {1}).pow(EngineScalar.of(rows, 1f / q)).mean();
    }
}
