package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * The penalty-reduced focal loss of CenterNet (Zhou et al., 2019) on a heatmap of logits. With
 * {@code p = σ(x)} and a target heatmap y in [0, 1] that is exactly 1 at object centres:
 * <pre>
 *   y = 1:  (1 - p)^α · (-log p)
 *   y &lt; 1:  (1 - y)^β · p^α · (-log(1 - p))
 * </pre>
 * summed over every element of the batch and divided by the number of centres (at least 1). Cells near a
 * centre (y close to 1) are barely punished for a high score, so the network is not pushed to put a sharp
 * zero right next to the peak it should find.
 *
 * <p>With a target of only 0s and 1s this is {@link FocalLoss#unweighted(float) FocalLoss.unweighted(α)}
 * element by element; only the reduction differs: this class divides the batch's sum by the number of
 * centres (so the loss does not shrink as objects get rarer), not by the batch size.
 *
 * <p>Stable form, as in {@link FocalLoss}: {@code -log p = softPlus(-x)}, {@code -log(1 - p) = softPlus(x)},
 * {@code (1 - p)^α = exp(-α·softPlus(x))}, {@code p^α = exp(-α·softPlus(-x))}.
 *
 * <p>Shapes: labels y and logits x {@code (N, C, H, W)} (any equal shapes work); returns a scalar.
 */
public final class CenterHeatmapLoss extends Loss {

    private final float alpha;
    private final float beta;

    /**
     * The loss with CenterNet's exponents, named "CenterHeatmap".
     *
     * @param alpha focusing exponent α (CenterNet: 2), not negative
     * @param beta exponent β of the penalty reduction near centres (CenterNet: 4), not negative
     */
    public CenterHeatmapLoss(float alpha, float beta) {
        super("CenterHeatmap");
        if (!(alpha >= 0f && beta >= 0f)) {
            throw new IllegalArgumentException("exponents must not be negative, got alpha " + alpha + ", beta " + beta);
        }
        this.alpha = alpha;
        this.beta = beta;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray y = labels.singletonOrThrow();
        NDArray x = predictions.singletonOrThrow();
        NDArray centre = y.eq(1f).toType(x.getDataType(), false);
        NDArray minusLogP = Activation.softPlus(x.neg());
        NDArray minusLogNotP = Activation.softPlus(x);
        NDArray minusAlpha = EngineScalar.of(x, -alpha);
        NDArray positive = minusLogNotP.mul(minusAlpha).exp().mul(minusLogP);
        NDArray negative = y.neg().add(1f).pow(EngineScalar.of(y, beta)).mul(minusLogP.mul(minusAlpha).exp())
                .mul(minusLogNotP);
        NDArray terms = centre.mul(positive).add(centre.neg().add(1f).mul(negative));
        return terms.sum().div(centre.sum().maximum(EngineScalar.of(centre, 1)));
    }
}
