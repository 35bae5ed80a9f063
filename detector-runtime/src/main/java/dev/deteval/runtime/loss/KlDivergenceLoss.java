package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Kullback–Leibler divergence of the predicted distribution p from the target distribution t over the
 * last axis, {@code KL(t ‖ p) = Σ_c t_c (log t_c - log p_c)}, natural logarithm, averaged over the batch.
 * It equals the categorical cross-entropy minus the target's entropy, so it is 0 exactly when p = t.
 *
 * <p>Shapes: labels t {@code (N, C)}, rows summing to 1; predictions {@code (N, C)}; returns a scalar.
 * Terms with {@code t_c = 0} contribute 0 ({@code 0 · log 0 = 0}, done by clamping t to
 * {@code [1e-7, 1]} inside the logarithm only).
 *
 * <ul>
 *   <li>{@link #fromLogits()}: {@code log p = logSoftmax(x)} (stable). Gradient
 *       {@code (softmax(x) - t) / N} for rows of t summing to 1.
 *   <li>{@link #fromProbabilities()}: p clamped to {@code [1e-7, 1 - 1e-7]}. Gradient {@code -t / (p N)}.
 * </ul>
 * DJL has no built-in KL loss.
 */
public final class KlDivergenceLoss extends Loss {

    private final boolean logits;

    private KlDivergenceLoss(String name, boolean logits) {
        super(name);
        this.logits = logits;
    }

    /** The loss for logits, named "KlDivergenceFromLogits". */
    public static KlDivergenceLoss fromLogits() {
        return new KlDivergenceLoss("KlDivergenceFromLogits", true);
    }

    /** The loss for probabilities, named "KlDivergenceFromProbabilities". */
    public static KlDivergenceLoss fromProbabilities() {
        return new KlDivergenceLoss("KlDivergenceFromProbabilities", false);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray t = labels.singletonOrThrow();
        NDArray prediction = predictions.singletonOrThrow();
        NDArray logP = logits ? prediction.logSoftmax(-1) : Probabilities.clampedLog(prediction);
        NDArray logT = t.clip(Probabilities.EPSILON, 1f).log();
        return BatchReduction.sumPerSampleThenMean(t.mul(logT.sub(logP)));
    }
}
