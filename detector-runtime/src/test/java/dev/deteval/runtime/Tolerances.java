package dev.deteval.runtime;

/**
 * The absolute tolerances of the engine-backed tests, each with the rounding argument behind it.
 *
 * <p>float32 has a 24-bit significand: the gap between neighbouring floats (one ulp) is 2⁻²³ ≈ 1.19e-7 in
 * [1, 2), 4.8e-7 in [4, 8) and 9.5e-7 in [8, 16), and one correctly rounded operation is off by at most half
 * of that. PyTorch picks its CPU kernels at start-up ({@code ATEN_CPU_CAPABILITY=default}, {@code avx2},
 * {@code avx512}); vectorized kernels sum in a different order and use their own {@code exp}/{@code log}/
 * {@code tanh} approximations (within about one ulp), so the same float32 computation may end a few ulps
 * apart. The "measured" numbers are the largest differences seen under all three kernels (docs/learning.md,
 * "Tolerances and CPU kernels").
 */
public final class Tolerances {

    /**
     * A float32 result of a handful of element-wise ops on values of magnitude at most 4, against the
     * formula in double, or against another float32 op order: each op rounds by at most half an ulp (at most
     * 2.4e-7 below 4), and a vectorized transcendental adds about one ulp, so a few ulps in all: 1e-6.
     * Measured: at most 1.2e-7.
     */
    public static final double FEW_FLOAT32_OPS = 1e-6;

    /**
     * A float32 loss, gradient or normalized value after a chain of ops with reductions (means over up to
     * a few dozen elements, sums of up to nine window contributions), values up to about 10 (ulp 9.5e-7),
     * against double or against a hand-written op order: rounding from each step adds up to several ulps of
     * the largest intermediate value: 1e-5. Measured: at most 4.8e-7 (max pooling's hand backward against
     * autograd, gradients summing up to nine terms).
     */
    public static final double FLOAT32_OP_CHAIN = 1e-5;

    /**
     * θ after 20 optimizer steps in float32 against the same recurrence in double, |θ| at most 2: every
     * step rounds θ by up to half an ulp (1.2e-7 near 2) and the update by about as much; the test problems
     * contract, so errors add rather than grow, at most 20 · 2.4e-7 = 4.8e-6: 1e-5. Measured: at most
     * 3.6e-7 (RMSProp).
     */
    public static final double OPTIMIZER_TRAJECTORY = 1e-5;

    /**
     * A gradient in double against central differences in double with step h = 1e-6: the truncation error
     * h²/6 · |f'''| is about 1e-13 for these smooth functions, and cancellation costs about
     * 2.2e-16 · |L| / h ≈ 2e-10 · |L| with |L| (the weighted sum of the outputs) below 100: 1e-6.
     * Measured: at most 6.7e-8. No float32 is involved, so the kernels hardly matter here.
     */
    public static final double CENTRAL_DIFFERENCE = 1e-6;

    private Tolerances() {
    }
}
