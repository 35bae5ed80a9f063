package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Categorical cross-entropy {@code L = -(1/N) Σ_i Σ_c t_ic log p_ic} over the last axis (the classes),
 * natural logarithm, averaged over the batch.
 *
 * <p>Shapes: labels t {@code (N, C)} (one-hot or any distribution per row) and predictions
 * {@code (N, C)}; returns a scalar.
 *
 * <ul>
 *   <li>{@link #fromLogits()}: predictions are logits x and {@code log p = logSoftmax(x)}, computed as
 *       {@code x_c - max(x) - log Σ exp(x_k - max(x))} (log-sum-exp), finite for any x. Gradient
 *       {@code (softmax(x)_c · Σ_k t_ik - t_ic) / N}, i.e. {@code (p - t) / N} for one-hot t.
 *   <li>{@link #fromProbabilities()}: predictions are probabilities, clamped to {@code [1e-7, 1 - 1e-7]}
 *       before the logarithm. Gradient {@code -t_ic / (p_ic N)} inside the clamp interval.
 * </ul>
 *
 * <p>Relation to DJL: {@code Loss.softmaxCrossEntropyLoss()} takes sparse class indices and logits;
 * with the same logits and the indices of the one-hot rows it equals {@link #fromLogits()}.
 */
public final class CategoricalCrossEntropyLoss extends Loss {

    private final boolean logits;

    private CategoricalCrossEntropyLoss(String name, boolean logits) {
        super(name);
        this.logits = logits;
    }

    /** The loss for logits, named "CategoricalCrossEntropyFromLogits". */
    public static CategoricalCrossEntropyLoss fromLogits() {
        return new CategoricalCrossEntropyLoss("CategoricalCrossEntropyFromLogits", true);
    }

    /** The loss for probabilities (rows summing to 1), named "CategoricalCrossEntropyFromProbabilities". */
    public static CategoricalCrossEntropyLoss fromProbabilities() {
        return new CategoricalCrossEntropyLoss("CategoricalCrossEntropyFromProbabilities", false);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray prediction = predictions.singletonOrThrow();
        NDArray logProbabilities = logits ? prediction.logSoftmax(-1) : Probabilities.clampedLog(prediction);
        return BatchReduction.sumPerSampleThenMean(logProbabilities.mul(labels.singletonOrThrow()).neg());
    }
}
