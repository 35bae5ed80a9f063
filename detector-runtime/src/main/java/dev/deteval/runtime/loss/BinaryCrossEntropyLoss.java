package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy {@code -[t log p + (1 - t) log(1 - p)]} per element, summed over each sample's
 * elements (independent binary labels) and averaged over the batch.
 *
 * <p>Shapes: labels t in [0, 1] and predictions {@code (N, ...)}, same shape; returns a scalar.
 *
 * <ul>
 *   <li>{@link #fromLogits()}: predictions are logits x, {@code p = σ(x)}. Computed as
 *       {@code softPlus(x) - t·x} (softPlus(x) = log(1 + eˣ), evaluated stably by the engine), which is
 *       finite for any x. Gradient {@code (σ(x) - t) / N}.
 *   <li>{@link #fromProbabilities()}: predictions are probabilities p, clamped to
 *       {@code [1e-7, 1 - 1e-7]} before the logarithms. Gradient {@code (p - t) / (p (1 - p) N)} inside
 *       the clamp interval.
 * </ul>
 *
 * <p>Relation to DJL: {@code Loss.sigmoidBinaryCrossEntropyLoss()} (logits) averages over all elements;
 * with one element per sample it equals {@link #fromLogits()}. Its {@code fromSigmoid = true} form
 * returns, in DJL 0.36, the log-likelihood without the minus sign (a negative "loss"), so
 * {@link #fromProbabilities()} equals minus that value.
 */
public final class BinaryCrossEntropyLoss extends Loss {

    private final boolean logits;

    private BinaryCrossEntropyLoss(String name, boolean logits) {
        super(name);
        this.logits = logits;
    }

    /** The loss for logits (pre-sigmoid scores), named "BinaryCrossEntropyFromLogits". */
    public static BinaryCrossEntropyLoss fromLogits() {
        return new BinaryCrossEntropyLoss("BinaryCrossEntropyFromLogits", true);
    }

    /** The loss for probabilities in [0, 1], named "BinaryCrossEntropyFromProbabilities". */
    public static BinaryCrossEntropyLoss fromProbabilities() {
        return new BinaryCrossEntropyLoss("BinaryCrossEntropyFromProbabilities", false);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray t = labels.singletonOrThrow();
        NDArray prediction = predictions.singletonOrThrow();
        NDArray terms;
        if (logits) {
            terms = Activation.softPlus(prediction).sub(prediction.mul(t));
        } else {
            NDArray positive = Probabilities.clampedLog(prediction).mul(t);
            NDArray negative = Probabilities.clampedLogComplement(prediction).mul(t.neg().add(1f));
            terms = positive.add(negative).neg();
        }
        return BatchReduction.sumPerSampleThenMean(terms);
    }
}
