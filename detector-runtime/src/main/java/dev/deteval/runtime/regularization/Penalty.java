package dev.deteval.runtime.regularization;

import ai.djl.ndarray.NDArray;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * A weight penalty: L1 is λ·Σ|w| (gradient λ·sign(w)), L2 is λ/2·Σw² (gradient λ·w).
 *
 * @param kind which norm
 * @param lambda the strength λ ≥ 0
 */
public record Penalty(Kind kind, float lambda) {

    /** The norm a penalty is built on. */
    public enum Kind {
        /** λ·Σ|w|. */
        L1,
        /** λ/2·Σw². */
        L2
    }

    /**
     * Checks the strength.
     *
     * @param kind which norm
     * @param lambda the strength λ ≥ 0
     */
    public Penalty {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (!(lambda >= 0f) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, was " + lambda);
        }
    }

    /**
     * The L1 penalty λ·Σ|w|.
     *
     * @param lambda λ ≥ 0
     * @return the penalty
     */
    public static Penalty l1(float lambda) {
        return new Penalty(Kind.L1, lambda);
    }

    /**
     * The L2 penalty λ/2·Σw².
     *
     * @param lambda λ ≥ 0
     * @return the penalty
     */
    public static Penalty l2(float lambda) {
        return new Penalty(Kind.L2, lambda);
    }

    /**
     * Evaluates the penalty of one weight array.
     *
     * @param weight any shape
     * @return a scalar array
     */
    NDArray of(NDArray weight) {
        return kind == Kind.L1 ? weight.abs().sum().mul(EngineScalar.of(weight, lambda))
                : weight.square().sum().mul(EngineScalar.of(weight, lambda / 2f));
    }
}
