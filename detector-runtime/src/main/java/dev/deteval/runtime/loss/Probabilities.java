package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;

/** How the losses that take probabilities keep their logarithms finite. */
final class Probabilities {

    /**
     * Probabilities are clamped to {@code [EPSILON, 1 - EPSILON]} before a logarithm, so
     * {@code -log} is at most {@code -ln(1e-7) ≈ 16.1}. Inside the interval the clamp changes nothing,
     * gradient included.
     */
    static final float EPSILON = 1e-7f;

    private Probabilities() {
    }

    /** {@code log(clamp(p, EPSILON, 1 - EPSILON))}, element-wise. */
    static NDArray clampedLog(NDArray probabilities) {
        return probabilities.clip(EPSILON, 1f - EPSILON).log();
    }

    /** {@code log(1 - clamp(p, EPSILON, 1 - EPSILON))}, element-wise. */
    static NDArray clampedLogComplement(NDArray probabilities) {
        return probabilities.clip(EPSILON, 1f - EPSILON).neg().add(1f).log();
    }
}
