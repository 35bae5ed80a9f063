package dev.deteval.samples.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;

/**
 * Optimizer steps on a block's parameters without DJL's {@code Trainer} (whose {@code step()} rejects a
 * gradient that sums to zero, and which cannot leave one network untouched while another learns through
 * it, as a GAN needs). The gradient arrays are attached to {@code scope}, so they are freed with the step's
 * temporaries.
 */
final class BlockSteps {

    private BlockSteps() {
    }

    /** One step of {@code optimizer} on every parameter of {@code block}; the optimizer zeroes the gradients. */
    static void update(Block block, Optimizer optimizer, NDManager scope) {
        for (Parameter parameter : block.getParameters().values()) {
            NDArray w = parameter.getArray();
            NDArray grad = w.getGradient();
            NDArray copy = grad.duplicate();
            scope.attachAll(grad, copy);
            optimizer.update(parameter.getId(), w, copy);
        }
    }

    /** Discards the gradients of every parameter of {@code block} (sets them to zero). */
    static void clearGradients(Block block, NDManager scope) {
        for (Parameter parameter : block.getParameters().values()) {
            NDArray grad = parameter.getArray().getGradient();
            scope.attachAll(grad);
            grad.subi(grad);
        }
    }
}
