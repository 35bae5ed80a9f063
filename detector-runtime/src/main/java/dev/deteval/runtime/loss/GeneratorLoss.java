package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * A GAN generator's loss, read off the discriminator's logits s on generated samples: the learned loss
 * of the workshop, since how "wrong" a sample is depends on a network that is itself trained.
 *
 * <ul>
 *   <li>{@link #nonSaturating()}: {@code −log D(G(z)) = softPlus(−s)}; gradient {@code −σ(−s) / N}, close
 *       to −1/N when the discriminator confidently rejects the sample (s ≪ 0), so a poor generator
 *       still learns. The form used in practice (Goodfellow et al., 2014, section 3).
 *   <li>{@link #minimax()}: the game's own term {@code log(1 − D(G(z))) = −softPlus(s)}, which the
 *       generator minimises; gradient {@code −σ(s) / N}, which vanishes as s → −∞ (it saturates exactly
 *       when the generator is worst). Kept for comparison.
 * </ul>
 *
 * <p>Shapes: {@code predictions} is the single array of discriminator logits on generated samples
 * {@code (N, ...)}; {@code labels} is not read and may be empty. Summed over a sample's non-batch axes,
 * averaged over the batch; returns a scalar. Finite for any logit.
 */
public final class GeneratorLoss extends Loss {

    private final boolean saturating;

    private GeneratorLoss(String name, boolean saturating) {
        super(name);
        this.saturating = saturating;
    }

    /** {@code softPlus(−s)}, named "GeneratorNonSaturating". */
    public static GeneratorLoss nonSaturating() {
        return new GeneratorLoss("GeneratorNonSaturating", false);
    }

    /** {@code −softPlus(s)}, named "GeneratorMinimax". */
    public static GeneratorLoss minimax() {
        return new GeneratorLoss("GeneratorMinimax", true);
    }

    /**
     * @param labels not read
     * @param predictions {discriminator logits on generated samples}
     * @return the scalar loss
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray s = predictions.singletonOrThrow();
        NDArray terms = saturating ? Activation.softPlus(s).neg() : Activation.softPlus(s.neg());
        return BatchReduction.sumPerSampleThenMean(terms);
    }
}
