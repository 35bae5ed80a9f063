package dev.deteval.runtime.regularization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.loss.Loss;

/**
 * A data loss plus a penalty on a block's weights: L = L_data + Σ_W penalty(W), summed over the
 * parameters of type {@link Parameter.Type#WEIGHT} (biases, batch-norm scales and running statistics
 * are not penalized). The block must be initialized before the loss is evaluated.
 *
 * <p>The penalty is computed from the parameters' arrays, so autograd adds λ·sign(w) (L1) or λ·w (L2)
 * to each weight's gradient. With plain SGD the L2 penalty equals weight decay λ; with adaptive
 * optimizers it does not, which is why decoupled decay lives in the optimizer instead.
 */
public final class PenalizedLoss extends Loss {

    private final Loss data;
    private final Block block;
    private final Penalty penalty;

    /**
     * Wraps a data loss.
     *
     * @param data the data loss, e.g. {@code Loss.l2Loss()}
     * @param block the network whose weights are penalized
     * @param penalty the penalty
     */
    public PenalizedLoss(Loss data, Block block, Penalty penalty) {
        super(data.getName() + "+" + penalty.kind());
        this.data = data;
        this.block = block;
        this.penalty = penalty;
    }

    /**
     * Evaluates the data loss and adds the penalty.
     *
     * @param labels as the data loss expects
     * @param predictions as the data loss expects
     * @return a scalar array
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray total = data.evaluate(labels, predictions);
        for (Parameter parameter : block.getParameters().values()) {
            if (parameter.getType() == Parameter.Type.WEIGHT) {
                total = total.add(penalty.of(parameter.getArray()));
            }
        }
        return total;
    }
}
