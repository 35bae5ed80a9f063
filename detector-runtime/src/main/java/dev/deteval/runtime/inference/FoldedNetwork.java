package dev.deteval.runtime.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.deteval.runtime.model.CenterNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An inference-only copy of a sequential network with every batch norm folded into the convolution before
 * it, so each such pair costs one operator instead of two passes over the activations. With running mean μ,
 * running variance v, scale γ and shift β, the convolution's weight W and bias b (0 when absent) become
 * {@code W·s} and {@code (b - μ)·s + β} per output channel, {@code s = γ / √(v + ε)} ({@code ε =}
 * {@link CenterNetwork#BATCH_NORM_EPSILON}). This is exactly batch norm in inference mode, up to float32
 * rounding. Other children run as they are, in inference mode.
 *
 * <p>The folded weights are computed when the copy is made and live until {@link #close()}: make a new copy
 * after the original's parameters change.
 */
final class FoldedNetwork implements AutoCloseable {

    private final NDManager weights;
    private final List<UnaryOperator<NDArray>> steps = new ArrayList<>();

    /**
     * @param network a sequential network of convolutions, batch norms and parameter-free blocks
     * @param manager the manager the folded weights are made under (a sub-manager of it is used)
     */
    FoldedNetwork(SequentialBlock network, NDManager manager) {
        this.weights = manager.newSubManager();
        ParameterStore store = new ParameterStore(manager, false);
        List<Block> children = new ArrayList<>();
        for (Pair<String, Block> child : network.getChildren()) {
            children.add(child.getValue());
        }
        for (int i = 0; i < children.size(); i++) {
            Block block = children.get(i);
            Block next = i + 1 < children.size() ? children.get(i + 1) : null;
            if (block instanceof Conv2d conv && next instanceof BatchNorm norm) {
                steps.add(folded(conv, norm));
                i++;
            } else {
                steps.add(x -> block.forward(store, new NDList(x), false).singletonOrThrow());
            }
        }
    }

    /** The fused step; temporaries live in a scope closed here, the parameters go back where they were. */
    private UnaryOperator<NDArray> folded(Conv2d conv, BatchNorm norm) {
        NDArray w = conv.getParameters().get("weight").getArray();
        NDArray gamma = norm.getParameters().get("gamma").getArray();
        NDArray beta = norm.getParameters().get("beta").getArray();
        NDArray mean = norm.getParameters().get("runningMean").getArray();
        NDArray variance = norm.getParameters().get("runningVar").getArray();
        NDArray foldedWeight;
        NDArray foldedBias;
        try (NDManager scope = weights.newSubManager()) {
            scope.tempAttachAll(w, gamma, beta, mean, variance);
            NDArray scale = gamma.div(variance.add(CenterNetwork.BATCH_NORM_EPSILON).sqrt());
            NDArray shift = conv.isIncludeBias() ? biasOf(conv, scope).sub(mean) : mean.neg();
            foldedWeight = w.mul(scale.reshape(-1, 1, 1, 1));
            foldedBias = shift.mul(scale).add(beta);
            foldedWeight.attach(weights);
            foldedBias.attach(weights);
        }
        return x -> Conv2d.conv2d(x, foldedWeight, foldedBias, conv.getStride(), conv.getPadding(), conv.getDilation(),
                conv.getGroups()).singletonOrThrow();
    }

    private static NDArray biasOf(Conv2d conv, NDManager scope) {
        NDArray bias = conv.getParameters().get("bias").getArray();
        scope.tempAttachAll(bias);
        return bias;
    }

    /**
     * Runs the network.
     *
     * @param input {@code (N, 3, H, W)}
     * @return the network's output; intermediates land in the input's manager
     */
    NDArray forward(NDArray input) {
        NDArray x = input;
        for (UnaryOperator<NDArray> step : steps) {
            x = step.apply(x);
        }
        return x;
    }

    @Override
    public void close() {
        weights.close();
    }
}
