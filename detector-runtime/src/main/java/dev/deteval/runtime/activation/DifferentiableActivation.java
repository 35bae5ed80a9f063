package dev.deteval.runtime.activation;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/** An activation function y = f(x) with its vector-Jacobian product written by hand. */
public interface DifferentiableActivation {

    /**
     * @param input x, any shape
     * @return f(x), same shape
     */
    NDArray forward(NDArray input);

    /**
     * The gradient with respect to the input, given the gradient with respect to the output:
     * {@code dL/dx = (df/dx)ᵀ · dL/dy}.
     *
     * @param input x, as given to {@link #forward}
     * @param gradOutput dL/dy, same shape as x
     * @return dL/dx, same shape as x
     */
    NDArray backward(NDArray input, NDArray gradOutput);

    /** A short name for blocks and reports. */
    String name();

    /** This activation as a parameter-free DJL block (one input, one output). */
    default Block asBlock() {
        return LambdaBlock.singleton(this::forward, name());
    }
}
