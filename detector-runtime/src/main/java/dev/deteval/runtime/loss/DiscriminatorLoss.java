package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * A GAN discriminator's loss: binary cross-entropy that labels real samples 1 and generated samples 0,
 * from the discriminator's logits.
 *
 * <p>With D(x) = σ(s(x)) the probability that x is real and s the logit:
 * <pre>
 *   L_D = mean over real r of  −log D(r)        = mean softPlus(−s(r))
 *       + mean over fake f of  −log(1 − D(f))   = mean softPlus(s(f))
 * </pre>
 * Each half is summed over a sample's non-batch axes and averaged over its own batch, as every loss in
 * this package; the two halves are added (the usual "real loss + fake loss"). Gradients:
 * {@code −σ(−s(r)) / N_real} for real logits, {@code σ(s(f)) / N_fake} for generated ones. The softPlus
 * forms stay finite for any logit. At the game's equilibrium D = ½ everywhere and L_D = 2 ln 2.
 *
 * <p>Shapes: {@code predictions} holds two arrays, the logits on real samples {@code (N_real, ...)} and
 * on generated samples {@code (N_fake, ...)}; {@code labels} is not read (the labels are implied by the
 * positions) and may be empty. Returns a scalar.
 */
public final class DiscriminatorLoss extends Loss {

    /** The loss, named "Discriminator". */
    public DiscriminatorLoss() {
        super("Discriminator");
    }

    /**
     * @param labels not read
     * @param predictions {real logits, generated logits}
     * @return the scalar L_D
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        if (predictions.size() != 2) {
            throw new IllegalArgumentException(
                    "predictions must be {real logits, generated logits}, got " + predictions.size() + " arrays");
        }
        NDArray real = Activation.softPlus(predictions.get(0).neg());
        NDArray fake = Activation.softPlus(predictions.get(1));
        return BatchReduction.sumPerSampleThenMean(real).add(BatchReduction.sumPerSampleThenMean(fake));
    }
}
