package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * Binary focal loss (Lin et al., 2017) from logits:
 * {@code FL = -α_t (1 - p_t)^γ log p_t} per element, summed per sample and averaged over the batch,
 * where {@code p = σ(x)}, {@code p_t = p} for label 1 and {@code 1 - p} for label 0, and
 * {@code α_t = α} for label 1 and {@code 1 - α} for label 0 (or 1 for both when unweighted).
 * γ = 0 and no α give binary cross-entropy from logits; larger γ down-weights easy, well-classified
 * elements.
 *
 * <p>Stable form: with {@code s = 2t - 1}, {@code -log p_t = softPlus(-s·x)} and
 * {@code (1 - p_t)^γ = exp(-γ · softPlus(s·x))}, so no probability is ever raised to a power or passed to
 * a logarithm, and value and gradient are finite for any logit.
 *
 * <p>Shapes: labels in {0, 1} and logits {@code (N, ...)}, same shape; returns a scalar. Detectors often
 * divide the sum by the number of positives instead; this class keeps the package's mean over the batch.
 */
public final class FocalLoss extends Loss {

    private final float gamma;
    private final float alpha;
    private final boolean weighted;

    private FocalLoss(float gamma, float alpha, boolean weighted) {
        super("Focal");
        if (!(gamma >= 0f)) {
            throw new IllegalArgumentException("focal gamma must not be negative, got " + gamma);
        }
        if (weighted && !(alpha >= 0f && alpha <= 1f)) {
            throw new IllegalArgumentException("focal alpha must be in [0, 1], got " + alpha);
        }
        this.gamma = gamma;
        this.alpha = alpha;
        this.weighted = weighted;
    }

    /**
     * Focal loss with class weighting.
     *
     * @param gamma focusing parameter γ, not negative
     * @param alpha weight α of label 1 (label 0 gets {@code 1 - α}), in [0, 1]
     */
    public static FocalLoss of(float gamma, float alpha) {
        return new FocalLoss(gamma, alpha, true);
    }

    /**
     * Focal loss without class weighting ({@code α_t = 1}).
     *
     * @param gamma focusing parameter γ, not negative
     */
    public static FocalLoss unweighted(float gamma) {
        return new FocalLoss(gamma, Float.NaN, false);
    }

    /** The focusing parameter γ. */
    public float gamma() {
        return gamma;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray t = labels.singletonOrThrow();
        NDArray x = predictions.singletonOrThrow();
        NDArray signedLogit = x.mul(t.mul(EngineScalar.of(t, 2)).sub(1f));
        NDArray crossEntropy = Activation.softPlus(signedLogit.neg());
        NDArray terms = crossEntropy;
        if (gamma != 0f) {
            terms = terms.mul(Activation.softPlus(signedLogit).mul(EngineScalar.of(signedLogit, -gamma)).exp());
        }
        if (weighted) {
            NDArray alphaT = t.mul(EngineScalar.of(t, 2f * alpha - 1f)).add(1f - alpha);
            terms = terms.mul(alphaT);
        }
        return BatchReduction.sumPerSampleThenMean(terms);
    }
}
