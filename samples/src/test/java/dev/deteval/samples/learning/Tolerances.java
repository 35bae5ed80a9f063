package dev.deteval.samples.learning;

/**
 * Tolerances of the samples' engine-backed tests, with the rounding argument behind each. The detector-runtime
 * tests have the same kind of constants in {@code dev.deteval.runtime.Tolerances}; docs/learning.md ("Tolerances
 * and CPU kernels") lists both with the differences measured under every PyTorch CPU kernel.
 */
final class Tolerances {

    /**
     * float32 machine epsilon, 2⁻²³ ≈ 1.19e-7: the gap between floats in [1, 2), and twice the largest
     * relative rounding error of one operation.
     */
    static final double FLOAT32_EPSILON = 0x1p-23;

    /**
     * A float32 result of a handful of ops on values of magnitude at most 2 (ulp at most 2.4e-7), against
     * the same arithmetic in double: each op rounds by at most half an ulp, so a few ulps in all: 1e-6.
     * Measured: at most 2.7e-8.
     */
    static final double FEW_FLOAT32_OPS = 1e-6;

    private Tolerances() {
    }
}
